import { apiClient } from '../../../lib/api-client';
import type { OrderDetailView } from '../../../types/api';
import { orderUrl, useOrderMutation } from './order-mutation';

/** DELETE /api/ocs/orders/{id}: withdraws a PENDING order (it is cancelled and kept, never deleted); else 409. */
export async function withdrawOrder({ id }: { id: string }): Promise<OrderDetailView> {
  const { data } = await apiClient.delete<OrderDetailView>(orderUrl(id));
  return data;
}

// No retry: a second DELETE after a lost answer would find the order cancelled already and answer 409.
export function useWithdrawOrder() {
  return useOrderMutation(withdrawOrder, { retry: false, successMessage: 'toast.orderWithdrawn' });
}
