import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent } from '../../../components/ui/dialog';
import { FormField, fieldProps } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { problemMessage } from '../../../lib/problem-message';
import type { OrderDetailView } from '../../../types/api';
import type { useCancelOrder } from '../api/cancel-order';
import { newIdempotencyKey } from '../api/order-mutation';

/** Cancel and return take the same body (a reason and the version seen), so their mutations have one type. */
type ReasonMutation = ReturnType<typeof useCancelOrder>;

/**
 * A button that opens a dialog asking for a required reason, then runs one order step with it (cancel by the
 * orderer, return by the performing department): the one form both use. `name` prefixes the test ids and the field id.
 */
export function ReasonActionButton({
  data,
  mutation,
  name,
  labels,
}: {
  data: OrderDetailView;
  mutation: ReasonMutation;
  name: string;
  labels: { action: string; title: string; description: string; reason: string; confirm: string };
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <>
      <Button variant="secondary" data-testid={`order-${name}`} onClick={() => setOpen(true)}>
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
                setError(t('validation.required'));
                return;
              }
              setError(undefined);
              mutation.mutate(
                { id: data.order?.id ?? '', body: { reason: reason.trim(), version: data.order?.version }, key: newIdempotencyKey() },
                { onSuccess: () => setOpen(false) },
              );
            }}
          >
            <FormField id={`${name}-reason`} label={t(labels.reason)} error={error}>
              <Input {...fieldProps(`${name}-reason`, error)} data-testid={`${name}-reason`} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </FormField>
            {mutation.isError ? <Alert tone="error">{problemMessage(mutation.error, t)}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t('orders.cancel.back')}
              </Button>
              <Button type="submit" variant="danger" data-testid={`${name}-confirm`} disabled={mutation.isPending}>
                {t(labels.confirm)}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
