import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent } from '../../../components/ui/dialog';
import { FormField, fieldProps } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { zodFieldErrors } from '../../../lib/form-errors';
import { problemMessage } from '../../../lib/problem-message';
import { cancelAppointmentSchema, useCancelAppointment } from '../api/cancel-appointment';

/** Asks for the (required) reason and cancels; a 422 (too late) is shown from the problem detail. */
export function CancelDialog({ appointmentId, open, onOpenChange }: { appointmentId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const cancel = useCancelAppointment();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = cancelAppointmentSchema.safeParse({ reason });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error).reason);
      return;
    }
    setError(undefined);
    cancel.mutate(
      { id: appointmentId, reason: parsed.data.reason },
      {
        onSuccess: () => {
          setReason('');
          onOpenChange(false);
        },
      },
    );
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={t('scheduling.cancel.title')} description={t('scheduling.cancel.description')}>
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          {cancel.isError ? <Alert tone="error">{problemMessage(cancel.error, t)}</Alert> : null}
          <FormField id="cancel-reason" label={t('scheduling.cancel.reason')} error={error}>
            <Input {...fieldProps('cancel-reason', error)} data-testid="cancel-reason" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {t('common.close')}
            </Button>
            <Button type="submit" variant="danger" data-testid="cancel-submit" disabled={cancel.isPending}>
              {t('scheduling.cancel.submit')}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
