import { orderUrl, postOrderAction, useOrderMutation } from './order-mutation';

/** POST /api/ocs/orders/{id}/start: SENT → IN_PROGRESS (the pharmacy's verification). */
export function startOrder({ id, version, note, key }: { id: string; version?: number; note?: string; key: string }) {
  return postOrderAction(orderUrl(id, 'start'), { version, note: note || undefined }, key);
}

export function useStartOrder() {
  return useOrderMutation(startOrder);
}
