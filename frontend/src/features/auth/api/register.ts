import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient, ensureCsrfToken, refreshCsrfToken } from '../../../lib/api-client';
import { password, passwordFreeOfUsername, requiredText } from '../../../lib/validation';
import type { MeView, RegisterRequest } from '../../../types/api';
import { meQueryKey } from './get-me';

export const registerRequestSchema = z
  .object({
    code: requiredText(),
    username: requiredText(),
    displayName: requiredText(),
    password: password(),
  })
  .refine(passwordFreeOfUsername, { message: 'validation.passwordContainsUsername', path: ['password'] }) satisfies z.ZodType<RegisterRequest>;

/**
 * POST /api/auth/register: a patient creates their own account with the activation code front office gave them;
 * 201 MeView, signed in. Every problem with the code is one 422 identity.activation-invalid; 429 when throttled.
 */
export async function register(body: RegisterRequest): Promise<MeView> {
  await ensureCsrfToken();
  const { data } = await apiClient.post<MeView>('/api/auth/register', body);
  return data;
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: async (me) => {
      queryClient.setQueryData(meQueryKey, me);
      await refreshCsrfToken().catch(() => undefined);
    },
  });
}
