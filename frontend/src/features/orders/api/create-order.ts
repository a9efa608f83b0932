import type { OrderForm } from '../../../types/api';
import { postOrderAction, useOrderMutation } from './order-mutation';

export { orderFormSchema } from '../lib/order-form';

/**
 * POST /api/ocs/orders: a new PENDING order (the answer carries the medication-safety check just run). A second
 * open order of the same drug is refused with 422 `duplicates` until `intendedDuplicate` is set.
 */
export function createOrder({ form, key }: { form: OrderForm; key: string }) {
  return postOrderAction('/api/ocs/orders', form, key);
}

export function useCreateOrder() {
  return useOrderMutation(createOrder, { successMessage: 'toast.orderCreated' });
}
