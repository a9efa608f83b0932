import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Alert } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { Spinner } from '../components/ui/spinner';
import { useMe } from '../features/auth/api/get-me';
import { problemMessage } from '../lib/problem-message';
import { hasAnyRole } from '../lib/roles';
import { ForbiddenPage } from './error-pages';
import { clearSessionEndReason, sessionEndReason } from './session';

/** Signed-in users only: others go to /login, which brings them back here afterwards. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) return <Spinner className="min-h-screen" />;
  if (me.isError) {
    return (
      <div className="mx-auto max-w-md p-8">
        <Alert tone="error">{problemMessage(me.error, t)}</Alert>
        <Button className="mt-4" variant="secondary" onClick={() => void me.refetch()}>
          {t('common.retry')}
        </Button>
      </div>
    );
  }
  if (!me.data) {
    const reason = sessionEndReason();
    const from = `${location.pathname}${location.search}`;
    const state = reason === 'logout' ? {} : { from, expired: reason === 'expired' };
    return <Navigate to="/login" replace state={state} />;
  }
  if (sessionEndReason()) clearSessionEndReason();
  return children ?? <Outlet />;
}

/** Only users holding one of `roles`; everyone else sees the 403 page at this URL. */
export function RequireRoles({ roles, children }: { roles: readonly string[]; children?: ReactNode }) {
  const me = useMe();
  if (!hasAnyRole(me.data?.roles, roles)) return <ForbiddenPage />;
  return children ?? <Outlet />;
}
