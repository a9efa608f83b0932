import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { password } from '../../../lib/validation';
import type { ResetPasswordRequest } from '../../../types/api';

export const resetPasswordRequestSchema = z.object({
  newPassword: password(),
}) satisfies z.ZodType<ResetPasswordRequest>;

/** POST /api/admin/users/{id}/reset-password: 204 */
export async function resetPassword({ id, body }: { id: string; body: ResetPasswordRequest }): Promise<void> {
  await apiClient.post(`/api/admin/users/${encodeURIComponent(id)}/reset-password`, body);
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword, meta: { successMessage: 'toast.passwordReset' } });
}
