import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { DepartmentView } from '../../../types/api';

/** GET /api/departments, for the department filter and names. */
export async function listDepartments(): Promise<DepartmentView[]> {
  const { data } = await apiClient.get<DepartmentView[]>('/api/departments');
  return data;
}

export function useDepartments() {
  return useQuery(queryOptions({ queryKey: ['departments'], queryFn: listDepartments, staleTime: 10 * 60_000 }));
}
