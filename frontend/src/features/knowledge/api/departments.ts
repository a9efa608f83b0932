import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { DepartmentView } from '../../../types/api';

/** GET /api/departments: for the document filters and upload form. */
export function useDepartments() {
  return useQuery({
    queryKey: ['knowledge', 'departments'],
    queryFn: async () => (await apiClient.get<DepartmentView[]>('/api/departments')).data,
    staleTime: 60 * 60_000,
  });
}
