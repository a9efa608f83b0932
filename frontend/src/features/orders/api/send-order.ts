import { z } from 'zod';
import type { SendOrderRequest } from '../../../types/api';
import { orderUrl, postOrderAction, useOrderMutation } from './order-mutation';

const OVERRIDE_REASON_CODES = ['BENEFIT_OUTWEIGHS_RISK', 'PATIENT_TOLERATES', 'ALLERGY_HISTORY_INCORRECT', 'DOSE_ADJUSTED', 'OTHER'] as const;

/** Mirrors OrderRequests.Send (shape only: what an override needs is each finding's `override`, checked by the server). */
export const sendOrderSchema = z.object({
  version: z.number().int().optional(),
  override: z
    .object({ reasonCode: z.enum(OVERRIDE_REASON_CODES).optional(), comment: z.string().max(1000).optional(), incompleteAcknowledged: z.boolean().optional() })
    .optional(),
}) satisfies z.ZodType<SendOrderRequest>;

/**
 * POST /api/ocs/orders/{id}/send: PENDING → SENT. Blocking safety alerts answer 422 with `findings` and `checkId`;
 * the same call again with `override` (coded reason, comment, acknowledgement of an incomplete check) sends it.
 */
export function sendOrder({ id, body, key }: { id: string; body: SendOrderRequest; key: string }) {
  return postOrderAction(orderUrl(id, 'send'), sendOrderSchema.parse(body), key);
}

export function useSendOrder() {
  return useOrderMutation(sendOrder, { successMessage: 'toast.orderSent' });
}
