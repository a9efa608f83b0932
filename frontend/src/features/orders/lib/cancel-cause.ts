import type { TFunction } from 'i18next';
import type { OrderView, TransitionView } from '../../../types/api';

/**
 * Why a cancelled order was cancelled, in the reader's language: the orderer's own words when they gave a reason,
 * otherwise the UI's text for what the system did (withdrawn before sending, replaced by a revision). The server
 * keeps an English sentence in `cancelReason` for those two, which is not shown.
 */
export function cancelText(order: Pick<OrderView, 'cancelCause' | 'cancelReason'>, t: TFunction): string | undefined {
  if (order.cancelCause === 'WITHDRAWN' || order.cancelCause === 'REPLACED') {
    return t(`orders.cancelCause.${order.cancelCause}`);
  }
  return order.cancelReason || undefined;
}

/** Notes the server writes itself, in English, on a transition (ImagingOrderAcquisition's system actor), and their texts. */
const SYSTEM_NOTES: Record<string, string> = {
  'Study received in the PACS': 'orders.detail.studyReceived',
};

/**
 * A timeline step's note in the reader's language: a system-made cancellation as {@link cancelText} says it, a note
 * the server wrote itself by its text, a person's note as written.
 */
export function transitionNote(
  step: Pick<TransitionView, 'to' | 'note'>,
  order: Pick<OrderView, 'cancelCause' | 'cancelReason'>,
  t: TFunction,
): string | undefined {
  if (step.to === 'CANCELLED' && order.cancelCause) return cancelText(order, t);
  const key = step.note ? SYSTEM_NOTES[step.note] : undefined;
  return key ? t(key) : step.note || undefined;
}
