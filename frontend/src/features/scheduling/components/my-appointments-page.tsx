import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import { useAppointments } from '../api/list-appointments';
import { addDays, seoulToday } from '../lib/dates';
import { AppointmentList } from './appointment-list';
import { BookingDialog } from './booking-dialog';
import type { SessionUser } from './session-user';

/** /my-appointments: a patient's own upcoming (31 days) and past (30 days) appointments. */
export function MyAppointmentsPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const today = seoulToday();
  const [booking, setBooking] = useState(false);
  const upcoming = useAppointments({ date: today, days: 31 });
  const past = useAppointments({ date: addDays(today, -30), days: 30 });

  return (
    <div data-testid="my-appointments-page">
      <PageHeader
        title={t('scheduling.mine.title')}
        description={t('scheduling.mine.description')}
        actions={
          user.patientId ? (
            <Button data-testid="book-appointment" onClick={() => setBooking(true)}>
              {t('scheduling.book.open')}
            </Button>
          ) : null
        }
      />
      {!user.patientId ? <Alert tone="warning" className="mb-4">{t('scheduling.mine.noPatient')}</Alert> : null}
      <section className="mb-8" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading" className="mb-2 text-lg font-semibold text-slate-900">
          {t('scheduling.mine.upcoming')}
        </h2>
        {upcoming.isError ? <Alert tone="error">{problemMessage(upcoming.error, t)}</Alert> : null}
        {upcoming.isPending ? (
          <Spinner />
        ) : (
          <AppointmentList appointments={upcoming.data ?? []} roles={user.roles} showDate showPatient={false} only={['cancel']} emptyTitle={t('scheduling.mine.emptyUpcoming')} testId="upcoming-table" />
        )}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading" className="mb-2 text-lg font-semibold text-slate-900">
          {t('scheduling.mine.past')}
        </h2>
        {past.isError ? <Alert tone="error">{problemMessage(past.error, t)}</Alert> : null}
        {past.isPending ? (
          <Spinner />
        ) : (
          <AppointmentList appointments={[...(past.data ?? [])].reverse()} roles={[]} showDate showPatient={false} emptyTitle={t('scheduling.mine.emptyPast')} testId="past-table" />
        )}
      </section>
      {user.patientId ? <BookingDialog user={user} ownPatientId={user.patientId} open={booking} onOpenChange={setBooking} /> : null}
    </div>
  );
}
