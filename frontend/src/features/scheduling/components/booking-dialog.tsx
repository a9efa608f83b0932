import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent } from '../../../components/ui/dialog';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { Spinner } from '../../../components/ui/spinner';
import { isApiProblem, problemFieldErrors } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/form-errors';
import { problemMessage } from '../../../lib/problem-message';
import type { PatientSummaryView } from '../../../types/api';
import { bookAppointmentSchema, useBookAppointment } from '../api/book-appointment';
import { useSlots } from '../api/list-slots';
import { localTime, seoulToday } from '../lib/dates';
import { DepartmentSelect } from './department-select';
import { DoctorField } from './doctor-field';
import { PatientPicker } from './patient-picker';
import type { SessionUser } from './session-user';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Books an appointment: patient (searched, or the patient themself), department, doctor,
 * day, then one of the free slots. `appointment.slot-taken` (409) and the 422 field codes
 * (`appointment.in-the-past`, `appointment.outside-hours`, …) come back as problem details and
 * are shown here.
 */
export function BookingDialog({
  user,
  ownPatientId,
  open,
  onOpenChange,
  initialDate,
}: {
  user: SessionUser;
  /** Set for a patient booking for themself: no patient picker. */
  ownPatientId?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  initialDate?: string;
}) {
  const { t } = useTranslation();
  const book = useBookAppointment();
  const [patient, setPatient] = useState<PatientSummaryView>();
  const [departmentId, setDepartmentId] = useState('');
  const [doctorId, setDoctorId] = useState(user.roles?.includes('DOCTOR') && user.id ? user.id : '');
  const [date, setDate] = useState(initialDate ?? seoulToday());
  const [slot, setSlot] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const ready = GUID.test(doctorId) && departmentId !== '' && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const slots = useSlots({ doctorId, departmentId, date }, open && ready);
  const freeSlots = (slots.data ?? []).filter((s) => s.free);

  const problem = book.error ? (isApiProblem(book.error) ? book.error : undefined) : undefined;
  const serverErrors = problemFieldErrors(problem);
  const isConflict = problem?.code === 'appointment.slot-taken';
  const fieldError = (field: string) => errors[field] ?? serverErrors[field];

  const reset = () => {
    setPatient(undefined);
    setSlot('');
    setReason('');
    setErrors({});
    book.reset();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = bookAppointmentSchema.safeParse({
      patientId: ownPatientId ?? patient?.id ?? '',
      doctorId,
      departmentId,
      localStart: slot,
      reason: reason.trim() || undefined,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    book.mutate(parsed.data, {
      onSuccess: () => {
        reset();
        onOpenChange(false);
      },
      onError: () => {
        setSlot('');
        void slots.refetch();
      },
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) reset();
        onOpenChange(next);
      }}
    >
      <DialogContent title={t('scheduling.book.title')} className="max-w-xl max-h-[90vh] overflow-y-auto">
        <form onSubmit={onSubmit} className="space-y-3" noValidate data-testid="booking-form">
          {book.isError ? (
            <Alert tone="error" data-testid="book-error">
              {isConflict ? (problem?.detail ?? t('scheduling.book.conflict')) : problemMessage(book.error, t)}
            </Alert>
          ) : null}
          {ownPatientId ? null : <PatientPicker value={patient} onChange={setPatient} error={fieldError('patientId')} />}
          <FormField id="book-department" label={t('scheduling.fields.department')} error={fieldError('departmentId')}>
            <DepartmentSelect
              id="book-department"
              value={departmentId}
              invalid={Boolean(fieldError('departmentId'))}
              emptyLabel={t('scheduling.fields.chooseDepartment')}
              onChange={(id) => {
                setDepartmentId(id);
                setSlot('');
              }}
            />
          </FormField>
          <DoctorField
            id="book-doctor"
            user={user}
            departmentId={departmentId}
            value={doctorId}
            error={fieldError('doctorId')}
            onChange={(id) => {
              setDoctorId(id);
              setSlot('');
            }}
          />
          <FormField id="book-date" label={t('scheduling.fields.date')}>
            <Input
              id="book-date"
              type="date"
              data-testid="book-date"
              value={date}
              min={seoulToday()}
              onChange={(event) => {
                setDate(event.target.value);
                setSlot('');
              }}
            />
          </FormField>
          <div className="space-y-1">
            <Label>{t('scheduling.book.slots')}</Label>
            {!ready ? (
              <p className="text-sm text-slate-500">{t('scheduling.book.slotsHint')}</p>
            ) : slots.isPending ? (
              <Spinner />
            ) : slots.isError ? (
              <Alert tone="error">{problemMessage(slots.error, t)}</Alert>
            ) : freeSlots.length === 0 ? (
              <p className="text-sm text-slate-500" data-testid="no-slots">
                {t('scheduling.book.noSlots')}
              </p>
            ) : (
              <div className="flex flex-wrap gap-1" role="group" aria-label={t('scheduling.book.slots')}>
                {freeSlots.map((s) => {
                  const time = localTime(s.localStart);
                  const value = (s.localStart ?? '').slice(0, 16);
                  return (
                    <Button key={value} size="sm" variant={slot === value ? 'primary' : 'secondary'} aria-pressed={slot === value} data-testid={`slot-${time}`} onClick={() => setSlot(value)}>
                      {time}
                    </Button>
                  );
                })}
              </div>
            )}
            <p className="text-sm text-rose-700" aria-live="polite" data-testid="book-localStart-error">
              {fieldError('localStart')}
            </p>
          </div>
          <FormField id="book-reason" label={t('scheduling.fields.reason')} error={fieldError('reason')}>
            <Input id="book-reason" data-testid="book-reason" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" data-testid="book-submit" disabled={book.isPending}>
              {t('scheduling.book.submit')}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
