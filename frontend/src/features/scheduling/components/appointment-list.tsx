import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import type { AppointmentView } from '../../../types/api';
import type { AppointmentAction } from '../lib/actions';
import { localDay, localTime } from '../lib/dates';
import { AppointmentActions } from './appointment-actions';
import { StatusBadge } from './status-badge';

/** Appointments as a table; times are the server's wall-clock `localStart` (the hospital's zone), never converted. */
export function AppointmentList({
  appointments,
  roles,
  showDate = false,
  showPatient = true,
  only,
  emptyTitle,
  testId = 'appointments-table',
}: {
  appointments: AppointmentView[];
  roles: readonly string[] | undefined;
  showDate?: boolean;
  showPatient?: boolean;
  only?: readonly AppointmentAction[];
  emptyTitle: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (appointments.length === 0) return <EmptyState title={emptyTitle} />;
  return (
    <Table data-testid={testId}>
      <TableHead>
        <TableRow>
          {showDate ? <TableHeaderCell>{t('scheduling.fields.date')}</TableHeaderCell> : null}
          <TableHeaderCell>{t('scheduling.fields.time')}</TableHeaderCell>
          {showPatient ? <TableHeaderCell>{t('scheduling.fields.patient')}</TableHeaderCell> : null}
          <TableHeaderCell>{t('scheduling.fields.doctor')}</TableHeaderCell>
          <TableHeaderCell>{t('scheduling.fields.reason')}</TableHeaderCell>
          <TableHeaderCell>{t('scheduling.fields.status')}</TableHeaderCell>
          <TableHeaderCell>{t('scheduling.fields.actions')}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {appointments.map((appointment) => (
          <TableRow key={appointment.id} data-testid="appointment-row" data-id={appointment.id}>
            {showDate ? <TableCell className="whitespace-nowrap">{localDay(appointment.localStart)}</TableCell> : null}
            <TableCell className="whitespace-nowrap font-mono" title={appointment.zone}>
              {localTime(appointment.localStart)}
            </TableCell>
            {showPatient ? (
              <TableCell>
                {appointment.patientName} <span className="font-mono text-xs text-slate-500">{appointment.patientMrn}</span>
              </TableCell>
            ) : null}
            <TableCell>{appointment.doctorName}</TableCell>
            <TableCell className="max-w-xs truncate">{appointment.status === 'CANCELLED' && appointment.cancelReason ? appointment.cancelReason : appointment.reason}</TableCell>
            <TableCell>
              <StatusBadge status={appointment.status} />
            </TableCell>
            <TableCell>
              <AppointmentActions appointment={appointment} roles={roles} only={only} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
