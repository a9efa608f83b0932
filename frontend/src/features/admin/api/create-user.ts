import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { ALL_ROLES } from '../../../lib/roles';
import { password, passwordFreeOfUsername, requiredText } from '../../../lib/validation';
import type { CreateUserRequest, UserView } from '../../../types/api';
import { userQueryKey } from './get-user';
import { usersQueryKey } from './list-users';

export const createUserRequestSchema = z
  .object({
    username: requiredText(),
    displayName: requiredText(),
    password: password(),
    roles: z.array(z.enum(ALL_ROLES)).min(1, 'validation.rolesRequired'),
    departmentIds: z.array(z.string()),
    patientId: z.guid('validation.uuid').optional(),
  })
  .refine(passwordFreeOfUsername, { message: 'validation.passwordContainsUsername', path: ['password'] }) satisfies z.ZodType<CreateUserRequest>;

/** POST /api/admin/users: 201 UserView */
export async function createUser(body: CreateUserRequest): Promise<UserView> {
  const { data } = await apiClient.post<UserView>('/api/admin/users', body);
  return data;
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    meta: { successMessage: 'toast.userCreated' },
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: usersQueryKey });
      if (user.id) queryClient.setQueryData(userQueryKey(user.id), user);
    },
  });
}
