import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { compactParams } from '../../../lib/query-params';
import type { PageViewUserView } from '../../../types/api';

export const usersQueryKey = ['admin', 'users'] as const;

export interface UserSearch {
  q?: string;
  role?: string;
  departmentId?: string;
  active?: boolean;
  page?: number;
  size?: number;
  sort?: string;
}

/** GET /api/admin/users */
export async function listUsers(search: UserSearch): Promise<PageViewUserView> {
  const { data } = await apiClient.get<PageViewUserView>('/api/admin/users', { params: compactParams({ ...search }) });
  return data;
}

export const usersQueryOptions = (search: UserSearch) =>
  queryOptions({
    queryKey: [...usersQueryKey, 'list', search],
    queryFn: () => listUsers(search),
    placeholderData: keepPreviousData,
  });

export function useUsers(search: UserSearch) {
  return useQuery(usersQueryOptions(search));
}
