import { apiClient } from '../../../lib/api-client';
import type { OrderDetailView, UpdateOrderRequest } from '../../../types/api';
import { orderUrl, useOrderMutation } from './order-mutation';

/**
 * PUT /api/ocs/orders/{id}: new content of a PENDING order, by its prescriber, at the version they saw. A stale
 * version answers 409 `stale-version` (someone changed the order meanwhile); type and patient cannot change (422).
 */
export async function updateOrder({ id, body }: { id: string; body: UpdateOrderRequest }): Promise<OrderDetailView> {
  const { data } = await apiClient.put<OrderDetailView>(orderUrl(id), body);
  return data;
}

// No Idempotency-Key (the server takes none here) and no retry: after a lost answer the version has moved on, and a
// retry would only report a stale version.
export function useUpdateOrder() {
  return useOrderMutation(updateOrder, { retry: false, successMessage: 'toast.orderSaved' });
}
