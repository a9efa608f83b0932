import type { OrderForm } from '../../../types/api';
import { orderUrl, postOrderAction, useOrderMutation } from './order-mutation';

/**
 * POST /api/ocs/orders/{id}/revise: a new PENDING order with this content that replaces the order (`replaces` on
 * the answer); the old order, unless already completed or cancelled, is cancelled naming its successor. Same patient
 * and type only (422 otherwise); the answer carries the medication-safety check of the new order.
 */
export function reviseOrder({ id, form, key }: { id: string; form: OrderForm; key: string }) {
  return postOrderAction(orderUrl(id, 'revise'), form, key);
}

export function useReviseOrder() {
  return useOrderMutation(reviseOrder, { successMessage: 'toast.orderRevised' });
}
