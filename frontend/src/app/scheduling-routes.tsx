import { useMe } from '../features/auth/api/get-me';
import { AppointmentsPage } from '../features/scheduling/components/appointments-page';
import { MyAppointmentsPage } from '../features/scheduling/components/my-appointments-page';
import { QueuePage } from '../features/scheduling/components/queue-page';
import { SchedulesPage } from '../features/scheduling/components/schedules-page';
import type { SessionUser } from '../features/scheduling/components/session-user';

// The scheduling feature learns who is signed in from here (features never import each other).
function useSessionUser(): SessionUser {
  const me = useMe().data;
  return { id: me?.id, displayName: me?.displayName, roles: me?.roles, patientId: me?.patientId };
}

export function AppointmentsRoute() {
  return <AppointmentsPage user={useSessionUser()} />;
}

export function QueueRoute() {
  return <QueuePage user={useSessionUser()} />;
}

export function MyAppointmentsRoute() {
  return <MyAppointmentsPage user={useSessionUser()} />;
}

export function SchedulesRoute() {
  return <SchedulesPage user={useSessionUser()} />;
}
