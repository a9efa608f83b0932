import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { ALL_ROLES } from '../../../lib/roles';
import { requiredText } from '../../../lib/validation';
import type { UpdateUserRequest, UserView } from '../../../types/api';
import { userQueryKey } from './get-user';
import { usersQueryKey } from './list-users';

export const updateUserRequestSchema = z.object({
  displayName: requiredText(),
  roles: z.array(z.enum(ALL_ROLES)).min(1, 'validation.rolesRequired'),
  departmentIds: z.array(z.string()),
  version: z.number().int(),
}) satisfies z.ZodType<UpdateUserRequest>;

/** PUT /api/admin/users/{id}: UserView; 409 when `version` is stale (someone else changed the user). */
export async function updateUser({ id, body }: { id: string; body: UpdateUserRequest }): Promise<UserView> {
  const { data } = await apiClient.put<UserView>(`/api/admin/users/${encodeURIComponent(id)}`, body);
  return data;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    meta: { successMessage: 'toast.userSaved' },
    onSuccess: (user, { id }) => {
      queryClient.setQueryData(userQueryKey(id), user);
      void queryClient.invalidateQueries({ queryKey: [...usersQueryKey, 'list'] });
    },
  });
}
