import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/problem-message';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { Dialog, DialogContent } from './ui/dialog';
import { FormField, fieldProps } from './ui/form-field';
import { Input } from './ui/input';

/**
 * A button that opens a dialog asking for a required reason (up to 500 characters) and hands it, trimmed, to
 * `onConfirm` with a function that closes the dialog: the one reason form of the order steps that need one (cancel,
 * return, radiology's discontinuing of an acquired imaging order). `name` prefixes the field's and the dialog's test
 * ids (`<name>-reason`, `<name>-confirm`); `testId` names the opening button.
 */
export function ReasonDialogButton({
  name,
  testId,
  labels,
  pending,
  error,
  onConfirm,
  variant = 'secondary',
}: {
  name: string;
  testId: string;
  labels: { action: string; title: string; description: string; reason: string; confirm: string; back: string };
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string, close: () => void) => void;
  variant?: 'secondary' | 'danger';
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  return (
    <>
      <Button variant={variant} data-testid={testId} onClick={() => setOpen(true)}>
        {t(labels.action)}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent title={t(labels.title)} description={t(labels.description)}>
          <form
            noValidate
            className="space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              if (!reason.trim()) {
                setMissing(t('validation.required'));
                return;
              }
              setMissing(undefined);
              onConfirm(reason.trim(), () => setOpen(false));
            }}
          >
            <FormField id={`${name}-reason`} label={t(labels.reason)} error={missing}>
              <Input {...fieldProps(`${name}-reason`, missing)} data-testid={`${name}-reason`} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </FormField>
            {error ? <Alert tone="error">{problemMessage(error, t)}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t(labels.back)}
              </Button>
              <Button type="submit" variant="danger" data-testid={`${name}-confirm`} disabled={pending}>
                {t(labels.confirm)}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
