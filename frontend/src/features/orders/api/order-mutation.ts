import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, toApiProblem } from '../../../lib/api-client';
import type { OrderDetailView } from '../../../types/api';
import { ordersQueryKey } from './order-keys';

/** A fresh key per user action: the server acts once however often the same request is retried. */
export const newIdempotencyKey = (): string => crypto.randomUUID();

/** POST with the `Idempotency-Key` header; the orders API answers the order as the action left it. */
export async function postOrderAction(url: string, body: unknown, key: string): Promise<OrderDetailView> {
  const { data } = await apiClient.post<OrderDetailView>(url, body ?? {}, { headers: { 'Idempotency-Key': key } });
  return data;
}

/**
 * A mutation that refreshes every order list, worklist and detail afterwards. A keyed request is retried when no
 * answer came (the key makes that safe); `retry: false` for the requests the server takes no key for.
 * `successMessage`: the i18n key of the toast shown once it succeeded.
 */
export function useOrderMutation<V>(
  mutationFn: (variables: V) => Promise<OrderDetailView>,
  { retry = true, successMessage }: { retry?: boolean; successMessage?: string } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta: successMessage ? { successMessage } : undefined,
    retry: (count, error) => retry && count < 2 && toApiProblem(error).code === 'network',
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ordersQueryKey }),
  });
}

export const orderUrl = (id: string, step?: string) => `/api/ocs/orders/${encodeURIComponent(id)}${step ? `/${step}` : ''}`;
