import type { TFunction } from 'i18next';
import type { OrderView } from '../../../types/api';

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
