import { z } from 'zod';
import type { CancelOrderRequest } from '../../../types/api';
import { orderUrl, postOrderAction, useOrderMutation } from './order-mutation';

/** Mirrors OrderRequests.Cancel. */
export const cancelOrderSchema = z.object({
  version: z.number().int().optional(),
  reason: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
}) satisfies z.ZodType<CancelOrderRequest>;

/** POST /api/ocs/orders/{id}/cancel: any state before COMPLETED → CANCELLED, with a reason. */
export function cancelOrder({ id, body, key }: { id: string; body: CancelOrderRequest; key: string }) {
  return postOrderAction(orderUrl(id, 'cancel'), body, key);
}

export function useCancelOrder() {
  return useOrderMutation(cancelOrder, { successMessage: 'toast.orderCancelled' });
}
