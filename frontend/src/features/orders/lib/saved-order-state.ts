import type { OrderDetailView } from '../../../types/api';

/**
 * Router state from an edit or a revision to the saved order's detail page: the medication-safety check the save
 * answered with, which the detail page shows as order entry does (a GET does not run the check).
 */
export interface SavedOrderState {
  savedOrderId: string;
  safety: NonNullable<OrderDetailView['safety']>;
}

export function isSavedOrderState(state: unknown, orderId: string): state is SavedOrderState {
  if (typeof state !== 'object' || state === null) return false;
  const saved = state as Partial<SavedOrderState>;
  return saved.savedOrderId === orderId && typeof saved.safety === 'object' && saved.safety !== null;
}
