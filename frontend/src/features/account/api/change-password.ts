import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { password } from '../../../lib/validation';
import type { ChangePasswordRequest } from '../../../types/api';

export const changePasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1, 'validation.required'),
    newPassword: password(),
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    message: 'validation.passwordUnchanged',
    path: ['newPassword'],
  }) satisfies z.ZodType<ChangePasswordRequest>;

/** POST /api/me/password: 204 */
export async function changePassword(body: ChangePasswordRequest): Promise<void> {
  await apiClient.post('/api/me/password', body);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
