import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Spinner } from '../../../components/ui/spinner';
import { cn } from '../../../lib/cn';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import type { NotificationView } from '../../../types/api';
import { useNotifications } from '../api/list-notifications';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { useMarkNotificationRead } from '../api/mark-notification-read';

/** The notification kinds the server sends; each has a text `notifications.kind.<KIND>` in both languages. */
export const NOTIFICATION_KINDS = [
  'ORDER_SENT',
  'ORDER_COMPLETED',
  'ORDER_CANCELLED',
  'ORDER_QUERY',
  'ORDER_QUERY_ANSWERED',
  'RESULT_AVAILABLE',
  'CRITICAL_RESULT',
] as const;

/**
 * The header bell: the caller's unread count (kept live by server pushes, no polling) and a dropdown with the latest
 * notifications, urgent ones highlighted. Choosing one marks it read and opens its order.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const notifications = useNotifications({ size: 10 });
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = notifications.data?.unreadCount ?? 0;

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onClick = (e: MouseEvent) => {
      if (panel.current && !panel.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const choose = (n: NotificationView) => {
    if (!n.readAt && n.id) markRead.mutate(n.id);
    setOpen(false);
    if (n.subjectType === 'ORDER') void navigate(`/orders/${n.subjectId}`);
  };

  const items = notifications.data?.content ?? [];
  return (
    <div className="relative" ref={panel}>
      <button
        type="button"
        data-testid="notification-bell"
        aria-haspopup="true"
        aria-expanded={open}
        className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
        onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {/* the name in text, not aria-label: the visible count must be part of the name (axe label-content-name-mismatch) */}
        <span className="sr-only">{t('notifications.bell', { count: unread })}</span>
        {unread > 0 ? (
          <span
            aria-hidden="true"
            data-testid="notification-count"
            className="absolute -right-1 -top-1 min-w-[1.25rem] rounded-full bg-red-600 px-1 text-center text-xs font-semibold text-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          role="dialog"
          aria-label={t('notifications.title')}
          data-testid="notification-panel"
          className="absolute right-0 z-40 mt-2 w-80 rounded-md border border-slate-200 bg-white shadow-lg"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <span className="text-sm font-semibold text-slate-900">{t('notifications.title')}</span>
            <button
              type="button"
              data-testid="notification-read-all"
              className="text-xs font-medium text-sky-700 hover:underline disabled:text-slate-400 disabled:no-underline"
              disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('notifications.markAllRead')}
            </button>
          </div>
          {notifications.isPending ? <Spinner className="px-3 py-4" /> : null}
          {notifications.isError ? (
            <Alert tone="error" className="m-3" data-testid="notification-error">
              {problemMessage(notifications.error, t)}
            </Alert>
          ) : null}
          {!notifications.data ? null : items.length === 0 ? (
            <p className="px-3 py-4 text-sm text-slate-500">{t('notifications.empty')}</p>
          ) : (
            <ul className="max-h-96 overflow-y-auto">
              {items.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    data-testid="notification-item"
                    data-urgent={n.urgent ? 'true' : 'false'}
                    data-read={n.readAt ? 'true' : 'false'}
                    className={cn(
                      'block w-full border-b border-slate-100 px-3 py-2 text-left text-sm hover:bg-slate-50',
                      n.urgent && 'border-l-4 border-l-red-600 bg-red-50',
                      !n.readAt ? 'font-medium text-slate-900' : 'text-slate-500',
                    )}
                    onClick={() => choose(n)}
                  >
                    {n.urgent ? <span className="mr-1 font-semibold text-red-700">{t('notifications.urgent')}</span> : null}
                    {t(`notifications.kind.${n.kind}`, { ...n.params })}
                    {n.createdAt ? (
                      <span className="mt-0.5 block text-xs text-slate-400">
                        {formatInstant(n.createdAt, i18n.language)}
                      </span>
                    ) : null}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
