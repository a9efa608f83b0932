import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { problemMessage } from '../../../lib/problem-message';
import type { AppointmentView } from '../../../types/api';
import { useCheckInAppointment } from '../api/check-in-appointment';
import { useCompleteAppointment } from '../api/complete-appointment';
import { useNoShowAppointment } from '../api/no-show-appointment';
import { useStartAppointment } from '../api/start-appointment';
import { actionsFor, type AppointmentAction } from '../lib/actions';
import { CancelDialog } from './cancel-dialog';

/** The buttons a row offers, by status and role (`actionsFor`); `only` narrows them (the queue shows start/complete). */
export function AppointmentActions({
  appointment,
  roles,
  only,
}: {
  appointment: AppointmentView;
  roles: readonly string[] | undefined;
  only?: readonly AppointmentAction[];
}) {
  const { t } = useTranslation();
  const [cancelOpen, setCancelOpen] = useState(false);
  const checkIn = useCheckInAppointment();
  const start = useStartAppointment();
  const navigate = useNavigate();
  const complete = useCompleteAppointment();
  const noShow = useNoShowAppointment();
  const id = appointment.id ?? '';
  const actions = actionsFor(appointment.status, roles).filter((action) => !only || only.includes(action));
  // the consultation page (records feature, reached by URL) opens the visit's encounter for the SOAP note
  const consultation = `/consultation/${encodeURIComponent(id)}?patient=${encodeURIComponent(appointment.patientId ?? '')}`;
  const failed = [checkIn, start, complete, noShow].find((mutation) => mutation.isError);
  const busy = [checkIn, start, complete, noShow].some((mutation) => mutation.isPending);
  if (actions.length === 0 && appointment.status !== 'IN_CONSULTATION') return null;

  const run: Record<Exclude<AppointmentAction, 'cancel'>, () => void> = {
    'check-in': () => checkIn.mutate(id),
    start: () => start.mutate(id, { onSuccess: () => navigate(consultation) }),
    complete: () => complete.mutate(id),
    'no-show': () => noShow.mutate(id),
  };

  return (
    <div className="flex flex-wrap items-center gap-1">
      {actions.map((action) =>
        action === 'no-show' ? (
          // a no-show is final (the slot is lost, the patient must book again): asked first (issue 15 item 6)
          <ConfirmButton
            key={action}
            size="sm"
            variant="secondary"
            data-testid={`${action}-${id}`}
            disabled={busy}
            title={t('confirm.noShow')}
            description={t('confirm.noShowDescription')}
            confirmLabel={t('scheduling.actions.no-show')}
            onConfirm={run[action]}
          >
            {t(`scheduling.actions.${action}`)}
          </ConfirmButton>
        ) : (
        <Button
          key={action}
          size="sm"
          variant={action === 'cancel' ? 'secondary' : 'primary'}
          data-testid={`${action}-${id}`}
          disabled={busy}
          onClick={action === 'cancel' ? () => setCancelOpen(true) : run[action]}
        >
          {t(`scheduling.actions.${action}`)}
        </Button>
        ),
      )}
      {appointment.status === 'IN_CONSULTATION' && (roles ?? []).includes('DOCTOR') ? (
        <Link to={consultation} data-testid={`chart-${id}`} className="text-sm text-sky-700 hover:underline">
          {t('scheduling.actions.chart')}
        </Link>
      ) : null}
      {failed ? (
        <p role="alert" className="w-full text-xs text-rose-700">
          {problemMessage(failed.error, t)}
        </p>
      ) : null}
      {actions.includes('cancel') ? <CancelDialog appointmentId={id} open={cancelOpen} onOpenChange={setCancelOpen} /> : null}
    </div>
  );
}
