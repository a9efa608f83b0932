import { z } from 'zod';
import type { CompleteOrderRequest } from '../../../types/api';
import { orderUrl, postOrderAction, useOrderMutation } from './order-mutation';

/** Mirrors OrderRequests.Complete: lab values, a dispense or a result text, by order type. */
export const completeOrderSchema = z.object({
  version: z.number().int().optional(),
  note: z.string().max(1000, 'orders.validation.tooLong').optional(),
  results: z
    .array(
      z.object({
        testCode: z.string().min(1).max(20),
        value: z.number().optional(),
        text: z.string().max(200, 'orders.validation.tooLong').optional(),
      }),
    )
    .max(100)
    .optional(),
  dispense: z
    .object({
      quantity: z.number({ error: 'validation.required' }).positive('orders.validation.positive'),
      note: z.string().max(1000, 'orders.validation.tooLong').optional(),
    })
    .optional(),
  resultText: z.string().max(20000, 'orders.validation.tooLong').optional(),
}) satisfies z.ZodType<CompleteOrderRequest>;

/** POST /api/ocs/orders/{id}/complete: IN_PROGRESS → COMPLETED with the outcome. */
export function completeOrder({ id, body, key }: { id: string; body: CompleteOrderRequest; key: string }) {
  return postOrderAction(orderUrl(id, 'complete'), completeOrderSchema.parse(body), key);
}

export function useCompleteOrder() {
  return useOrderMutation(completeOrder, { successMessage: 'toast.orderCompleted' });
}
