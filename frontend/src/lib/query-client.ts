import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isApiProblem } from './api-client';
import { showToast, successMessageOf } from './toast';

/** Retries only what may go better a second time: no answer, or a server error. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (isApiProblem(error)) return error.status === 0 || error.status >= 500;
  return true;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    // a mutation that names its success (`meta.successMessage`) gets a toast once it has succeeded (issue 15 item 6)
    mutationCache: new MutationCache({
      onSuccess: (_data, _variables, _context, mutation) => {
        const message = successMessageOf(mutation.meta);
        if (message) showToast(message);
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: {
        retry: false,
      },
    },
  });
}

export const queryClient = createQueryClient();
