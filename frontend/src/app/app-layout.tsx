import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { AppShell } from '../components/layouts/app-shell';
import { useMe } from '../features/auth/api/get-me';
import { useLogout } from '../features/auth/api/logout';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { HeaderPatientSearch } from '../features/patient-search/components/header-patient-search';
import { useLiveUpdates } from '../lib/live-updates';
import { hasAnyRole, PATIENT_SEARCH_ROLES } from '../lib/roles';
import { navItemsFor } from './navigation';
import { markSessionEnded } from './session';

/** The shell around every signed-in page, with the navigation the user's roles allow. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const user = me.data;
  const live = useLiveUpdates(Boolean(user));
  const navItems = navItemsFor(user?.roles).map((item) => ({
    key: item.key,
    to: item.to,
    label: t(item.labelKey),
    external: item.external,
  }));

  // Notifications are for staff (the API answers 403 to patients).
  const isStaff = Boolean(user?.roles?.some((role) => role !== 'PATIENT'));

  const onLogout = () => {
    // the route guard sends the user to /login once the session is dropped
    markSessionEnded('logout');
    logout.mutate();
  };

  return (
    <AppShell
      username={user?.username ?? ''}
      displayName={user?.displayName}
      navItems={navItems}
      onLogout={onLogout}
      loggingOut={logout.isPending}
      liveStatus={live}
      headerActions={isStaff ? <NotificationBell /> : undefined}
      search={hasAnyRole(user?.roles, PATIENT_SEARCH_ROLES) ? <HeaderPatientSearch /> : undefined}
      menuSearch={hasAnyRole(user?.roles, PATIENT_SEARCH_ROLES) ? <HeaderPatientSearch inMenu /> : undefined}
    >
      <Outlet />
    </AppShell>
  );
}
