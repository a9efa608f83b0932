import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { UserView } from '../../../types/api';
import { usersQueryKey } from './list-users';

export const userQueryKey = (id: string) => [...usersQueryKey, 'detail', id] as const;

/** GET /api/admin/users/{id} */
export async function getUser(id: string): Promise<UserView> {
  const { data } = await apiClient.get<UserView>(`/api/admin/users/${encodeURIComponent(id)}`);
  return data;
}

export const userQueryOptions = (id: string) => queryOptions({ queryKey: userQueryKey(id), queryFn: () => getUser(id) });

export function useUser(id: string) {
  return useQuery(userQueryOptions(id));
}
