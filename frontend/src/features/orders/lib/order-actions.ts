import type { OrderDetailView } from '../../../types/api';

/** What the signed-in doctor may do with an order; the server checks the same again (403/409 otherwise). */
export interface DoctorActions {
  /** The doctor wrote this order: only they send, change or cancel it (OrderAccess.requireOrderer). */
  mine: boolean;
  send: boolean;
  edit: boolean;
  withdraw: boolean;
  cancel: boolean;
  revise: boolean;
}

/**
 * The ordering doctor sends, edits and withdraws a PENDING order, cancels a SENT or IN_PROGRESS one with a reason,
 * and revises any order not yet replaced: an open one is cancelled by its revision, a completed or cancelled one
 * stays as it is and gets a linked successor (one, so that "replaced by" stays unambiguous). An open order the
 * server says its prescriber may no longer cancel (an acquired imaging order, `prescriberMayCancel`) is neither
 * cancelled nor revised: radiology discontinues it.
 */
export function doctorActions(detail: OrderDetailView | undefined, userId: string | undefined, roles: readonly string[]): DoctorActions {
  const order = detail?.order;
  const mine = roles.includes('DOCTOR') && Boolean(userId) && order?.orderedBy === userId;
  const pending = order?.status === 'PENDING';
  const running = order?.status === 'SENT' || order?.status === 'IN_PROGRESS';
  const replaced = (detail?.replacedBy ?? []).length > 0;
  // the server's answer (Order.prescriberMayCancel): false once an imaging order's images were acquired
  const mayCancel = order?.prescriberMayCancel === true;
  return {
    mine,
    send: mine && pending,
    edit: mine && pending,
    withdraw: mine && pending,
    cancel: mine && running && mayCancel,
    revise: mine && Boolean(order?.status) && !replaced && (mayCancel || !running),
  };
}
