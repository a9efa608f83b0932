import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { UserView } from '../../../types/api';
import { userQueryKey } from './get-user';
import { usersQueryKey } from './list-users';

/** POST /api/admin/users/{id}/unlock: UserView */
export async function unlockUser(id: string): Promise<UserView> {
  const { data } = await apiClient.post<UserView>(`/api/admin/users/${encodeURIComponent(id)}/unlock`);
  return data;
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockUser,
    onSuccess: (user, id) => {
      queryClient.setQueryData(userQueryKey(id), user);
      void queryClient.invalidateQueries({ queryKey: [...usersQueryKey, 'list'] });
    },
  });
}
