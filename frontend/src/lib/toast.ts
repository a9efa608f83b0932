/**
 * Success toasts (issue 15 item 6): a mutation says what it did by `meta: { successMessage: 'i18n.key' }` and the
 * query client's mutation cache announces it; {@link showToast} does the same by hand. The region that shows them
 * is `components/ui/toast-region.tsx`. A tiny store, so that neither the query client nor features need React context.
 */
export interface Toast {
  id: number;
  /** An i18n key, translated where it is shown. */
  message: string;
  values?: Record<string, unknown>;
}

type Listener = (toasts: readonly Toast[]) => void;

/** How long a toast stays, in milliseconds. */
export const TOAST_MS = 5000;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();

function emit() {
  for (const listener of listeners) listener(toasts);
}

export function showToast(message: string, values?: Record<string, unknown>): number {
  const id = nextId++;
  toasts = [...toasts.slice(-2), { id, message, values }];
  emit();
  setTimeout(() => dismissToast(id), TOAST_MS);
  return id;
}

export function dismissToast(id: number): void {
  const next = toasts.filter((toast) => toast.id !== id);
  if (next.length !== toasts.length) {
    toasts = next;
    emit();
  }
}

export function subscribeToasts(listener: Listener): () => void {
  listeners.add(listener);
  listener(toasts);
  return () => listeners.delete(listener);
}

/** The success message a mutation declares in its `meta`, if any. */
export function successMessageOf(meta: Record<string, unknown> | undefined): string | undefined {
  const message = meta?.successMessage;
  return typeof message === 'string' && message ? message : undefined;
}
