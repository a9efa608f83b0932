import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient, ensureCsrfToken, refreshCsrfToken } from '../../../lib/api-client';
import { requiredText } from '../../../lib/validation';
import type { LoginRequest, MeView } from '../../../types/api';
import { meQueryKey } from './get-me';

export const loginRequestSchema = z.object({
  username: requiredText(),
  password: z.string().min(1, 'validation.required'),
}) satisfies z.ZodType<LoginRequest>;

/** POST /api/auth/login: 200 MeView; 401 bad-credentials; 423 account-locked. */
export async function login(body: LoginRequest): Promise<MeView> {
  await ensureCsrfToken();
  const { data } = await apiClient.post<MeView>('/api/auth/login', body);
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async (me) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
      // the session changed, so did the CSRF token
      await refreshCsrfToken().catch(() => undefined);
    },
  });
}
