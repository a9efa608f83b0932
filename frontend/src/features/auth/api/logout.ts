import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient, refreshCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

/**
 * Forgets the signed-in user and every cached answer. `me` is set to null first, so that
 * the route guard (observing it) sends the user to /login; then the rest is removed.
 */
export function dropSession(queryClient: QueryClient) {
  queryClient.setQueryData(meQueryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.getMutationCache().clear();
}

/** POST /api/auth/logout: 204. */
export async function logout(): Promise<void> {
  await apiClient.post('/api/auth/logout');
}

/** Signs out; whatever the answer, the local session and every cached answer are dropped. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      dropSession(queryClient);
      await refreshCsrfToken().catch(() => undefined);
    },
  });
}
