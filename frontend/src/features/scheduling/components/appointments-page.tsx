import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import { useAppointments } from '../api/list-appointments';
import { addDays, localDay, localTime, seoulToday } from '../lib/dates';
import { AppointmentActions } from './appointment-actions';
import { AppointmentList } from './appointment-list';
import { BookingDialog } from './booking-dialog';
import { getHospitalTimeZone } from '../../../lib/time';
import { DepartmentSelect } from './department-select';
import type { SessionUser } from './session-user';
import { StatusBadge } from './status-badge';

type View = 'day' | 'week';

/** /appointments: the appointment book by day (list) or week (7 columns). */
export function AppointmentsPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(seoulToday());
  const [view, setView] = useState<View>('day');
  const [departmentId, setDepartmentId] = useState('');
  const [booking, setBooking] = useState(false);
  const days = view === 'week' ? 7 : 1;
  const appointments = useAppointments({ date, days, departmentId: departmentId || undefined });
  const rows = appointments.data ?? [];
  const weekDays = Array.from({ length: 7 }, (_, i) => addDays(date, i));

  return (
    <div data-testid="appointments-page">
      <PageHeader
        title={t('scheduling.appointments.title')}
        description={t('scheduling.appointments.description', { zone: getHospitalTimeZone() })}
        actions={
          <>
            {user.roles?.includes('ADMIN_STAFF') ? (
              <Button asChild variant="secondary">
                <Link to="/appointments/schedules" data-testid="open-schedules">
                  {t('scheduling.schedules.open')}
                </Link>
              </Button>
            ) : null}
            <Button data-testid="book-appointment" onClick={() => setBooking(true)}>
              {t('scheduling.book.open')}
            </Button>
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <Label htmlFor="appointments-date">{t('scheduling.fields.date')}</Label>
          <div className="flex gap-1">
            <Button variant="secondary" aria-label={t('scheduling.appointments.previous')} onClick={() => setDate(addDays(date, -days))}>
              ‹
            </Button>
            <Input id="appointments-date" type="date" data-testid="appointments-date" value={date} onChange={(event) => event.target.value && setDate(event.target.value)} />
            <Button variant="secondary" aria-label={t('scheduling.appointments.next')} onClick={() => setDate(addDays(date, days))}>
              ›
            </Button>
            <Button variant="ghost" onClick={() => setDate(seoulToday())}>
              {t('scheduling.appointments.today')}
            </Button>
          </div>
        </div>
        <div className="space-y-1">
          <span className="block text-sm font-medium text-slate-700">{t('scheduling.appointments.view')}</span>
          <div className="flex gap-1" role="group" aria-label={t('scheduling.appointments.view')}>
            {(['day', 'week'] as const).map((v) => (
              <Button key={v} variant={view === v ? 'primary' : 'secondary'} aria-pressed={view === v} data-testid={`view-${v}`} onClick={() => setView(v)}>
                {t(`scheduling.appointments.${v}`)}
              </Button>
            ))}
          </div>
        </div>
        <div className="min-w-[12rem] space-y-1">
          <Label htmlFor="appointments-department">{t('scheduling.fields.department')}</Label>
          <DepartmentSelect id="appointments-department" value={departmentId} onChange={setDepartmentId} emptyLabel={t('common.all')} />
        </div>
      </div>

      {appointments.isError ? (
        <Alert tone="error" className="mb-4">
          {problemMessage(appointments.error, t)}
        </Alert>
      ) : null}

      {appointments.isPending ? (
        <Spinner />
      ) : view === 'day' ? (
        <AppointmentList appointments={rows} roles={user.roles} emptyTitle={t('scheduling.appointments.empty')} />
      ) : (
        <div className="grid grid-cols-1 gap-2 md:grid-cols-7" data-testid="appointments-week">
          {weekDays.map((day) => {
            const dayRows = rows.filter((row) => localDay(row.localStart) === day);
            return (
              <section key={day} className="rounded-md border border-slate-200 bg-white p-2" data-testid={`week-day-${day}`} aria-label={day}>
                <h2 className="mb-2 text-sm font-semibold text-slate-800">{day}</h2>
                {dayRows.length === 0 ? (
                  <p className="text-xs text-slate-400">{t('scheduling.appointments.none')}</p>
                ) : (
                  <ul className="space-y-2">
                    {dayRows.map((row) => (
                      <li key={row.id} className="rounded border border-slate-100 p-1.5 text-xs" data-testid="appointment-card">
                        <div className="flex items-center justify-between gap-1">
                          <span className="font-mono font-semibold">{localTime(row.localStart)}</span>
                          <StatusBadge status={row.status} />
                        </div>
                        <p className="truncate">{row.patientName}</p>
                        <p className="truncate text-slate-500">{row.doctorName}</p>
                        <AppointmentActions appointment={row} roles={user.roles} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
      {rows.length === 0 && view === 'week' && !appointments.isPending ? (
        <p className="mt-2 text-sm text-slate-500" data-testid="empty-state">
          {t('scheduling.appointments.empty')}
        </p>
      ) : null}
      <BookingDialog user={user} open={booking} onOpenChange={setBooking} initialDate={date} />
    </div>
  );
}
