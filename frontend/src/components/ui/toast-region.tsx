import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissToast, subscribeToasts, type Toast } from '../../lib/toast';

/** Where success toasts appear: bottom right, announced politely to screen readers. */
export function ToastRegion() {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  useEffect(() => subscribeToasts(setToasts), []);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed bottom-4 right-4 z-50 flex max-w-sm flex-col gap-2" data-testid="toast-region">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          data-testid="toast"
          className="pointer-events-auto flex items-start gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 shadow-lg"
        >
          <span aria-hidden="true">✓</span>
          <span className="flex-1">{t(toast.message, { defaultValue: '', ...toast.values })}</span>
          <button type="button" className="text-emerald-800 hover:text-emerald-950" aria-label={t('common.close')} onClick={() => dismissToast(toast.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
