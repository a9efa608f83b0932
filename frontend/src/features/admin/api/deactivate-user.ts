import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { UserView } from '../../../types/api';
import { userQueryKey } from './get-user';
import { usersQueryKey } from './list-users';

/** POST /api/admin/users/{id}/deactivate: UserView */
export async function deactivateUser(id: string): Promise<UserView> {
  const { data } = await apiClient.post<UserView>(`/api/admin/users/${encodeURIComponent(id)}/deactivate`);
  return data;
}

export function useDeactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateUser,
    meta: { successMessage: 'toast.userDeactivated' },
    onSuccess: (user, id) => {
      queryClient.setQueryData(userQueryKey(id), user);
      void queryClient.invalidateQueries({ queryKey: [...usersQueryKey, 'list'] });
    },
  });
}
