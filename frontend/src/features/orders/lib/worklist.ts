import type { OrderView } from '../../../types/api';
import { PRIORITIES } from './enums';

/**
 * The worklist order (the server sorts the same way; this keeps rows in place between a push and the refetch):
 * most urgent priority first, then the earliest due time, then the oldest.
 */
export function compareWorklist(a: OrderView, b: OrderView): number {
  const rank = (order: OrderView) => (order.priority ? PRIORITIES.indexOf(order.priority) : PRIORITIES.length);
  return (
    rank(a) - rank(b) ||
    (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') ||
    (a.createdAt ?? '').localeCompare(b.createdAt ?? '')
  );
}

/** True when the order is open and past its due time (the server's `overdue`, or computed against `now`). */
export function isOverdue(order: OrderView, now: Date = new Date()): boolean {
  if (order.status === 'COMPLETED' || order.status === 'CANCELLED') return false;
  if (order.overdue) return true;
  return Boolean(order.dueAt && new Date(order.dueAt).getTime() < now.getTime());
}

/** The next step the department takes on an order: start (verify, for the pharmacy) or complete. */
export function nextStep(order: OrderView): 'start' | 'complete' | undefined {
  if (order.status === 'SENT') return 'start';
  if (order.status === 'IN_PROGRESS') return 'complete';
  return undefined;
}
