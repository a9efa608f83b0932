import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent } from '../../../components/ui/dialog';
import { FormField, fieldProps } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { problemMessage } from '../../../lib/problem-message';
import { useDiscontinueImagingOrder } from '../api/report-mutations';

/**
 * Radiology discontinues an acquired imaging order (the prescriber cannot cancel it once its images were acquired):
 * a dialog asks for the required reason, the order is cancelled, the prescriber is told, a toast confirms and
 * `onDone` runs (the reading screen goes back to the worklist).
 */
export function DiscontinueButton({ orderId, version, onDone }: { orderId: string; version?: number; onDone?: () => void }) {
  const { t } = useTranslation();
  const discontinue = useDiscontinueImagingOrder(onDone);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <>
      <Button variant="danger" size="sm" data-testid="ris-discontinue" onClick={() => setOpen(true)}>
        {t('radiology.discontinue.action')}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent title={t('radiology.discontinue.title')} description={t('radiology.discontinue.description')}>
          <form
            noValidate
            className="space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              if (!reason.trim()) {
                setError(t('validation.required'));
                return;
              }
              setError(undefined);
              discontinue.mutate(
                { orderId, version, reason: reason.trim(), key: crypto.randomUUID() },
                { onSuccess: () => setOpen(false) },
              );
            }}
          >
            <FormField id="discontinue-reason" label={t('radiology.discontinue.reason')} error={error}>
              <Input
                {...fieldProps('discontinue-reason', error)}
                data-testid="ris-discontinue-reason"
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </FormField>
            {discontinue.isError ? <Alert tone="error">{problemMessage(discontinue.error, t)}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                {t('radiology.discontinue.back')}
              </Button>
              <Button type="submit" variant="danger" data-testid="ris-discontinue-confirm" disabled={discontinue.isPending}>
                {t('radiology.discontinue.confirm')}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
