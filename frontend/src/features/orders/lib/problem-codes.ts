/**
 * The orders module's own problem codes (`code`, and `type` = `urn:cdss:problem:<code>`) that the UI acts on; the
 * server's `OrderProblem` enum. Switch on these, never on the status or an extension member alone.
 */
export const ORDER_PROBLEM = {
  safetyBlocked: 'order.safety-blocked',
  duplicateIngredient: 'order.duplicate-ingredient',
} as const;
