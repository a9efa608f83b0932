import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { DepartmentView } from '../../../types/api';

/** GET /api/departments (same cache entry as the other screens). */
export async function listDepartments(): Promise<DepartmentView[]> {
  const { data } = await apiClient.get<DepartmentView[]>('/api/departments');
  return data;
}

export const departmentsQueryOptions = () => queryOptions({ queryKey: ['departments'], queryFn: listDepartments, staleTime: 10 * 60_000 });

export function useDepartments() {
  return useQuery(departmentsQueryOptions());
}
