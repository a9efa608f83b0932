import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SafetyAlertDialog } from '../../../components/safety/safety-alert-dialog';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isApiProblem } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem-message';
import type { OrderDetailView, SafetyAlert } from '../../../types/api';
import { newIdempotencyKey } from '../api/order-mutation';
import { useSendOrder } from '../api/send-order';
import { ORDER_PROBLEM } from '../lib/problem-codes';
import { findingsToAlerts, overrideRequest } from '../lib/send-flow';

/**
 * Sends a pending order. When the server refuses with blocking safety alerts (422 `findings`) the alert dialog
 * shows them, grouped by severity, and asks for what each finding's `override` needs (reason, comment,
 * acknowledgement of an incomplete check); confirming sends again with the override.
 */
// No version is sent: the refused attempt itself records the check on the order (and bumps its version).
export function SendOrderButton({ orderId, onSent }: { orderId: string; onSent?: (order: OrderDetailView) => void }) {
  const { t } = useTranslation();
  const send = useSendOrder();
  const [findings, setFindings] = useState<SafetyAlert[]>([]);
  const [dialogOpen, setDialogOpen] = useState(false);

  const onError = (error: unknown) => {
    if (isApiProblem(error) && error.code === ORDER_PROBLEM.safetyBlocked && Array.isArray(error.extensions.findings)) {
      setFindings(findingsToAlerts(error.extensions.findings));
      setDialogOpen(true);
    }
  };

  const refusedWithFindings =
    isApiProblem(send.error) && send.error.code === ORDER_PROBLEM.safetyBlocked && Array.isArray(send.error.extensions.findings);
  return (
    <div className="space-y-2">
      <Button
        data-testid="order-send"
        disabled={send.isPending}
        onClick={() => send.mutate({ id: orderId, body: {}, key: newIdempotencyKey() }, { onSuccess: onSent, onError })}
      >
        {t('orders.actions.send')}
      </Button>
      {send.isError && !refusedWithFindings ? (
        <Alert tone="error" data-testid="order-send-error">
          {problemMessage(send.error, t)}
        </Alert>
      ) : null}
      {refusedWithFindings && !dialogOpen ? (
        <Alert tone="warning" data-testid="order-send-blocked">
          {t('orders.send.blocked')}{' '}
          <button type="button" className="font-medium underline" onClick={() => setDialogOpen(true)}>
            {t('orders.send.review')}
          </button>
        </Alert>
      ) : null}
      <SafetyAlertDialog
        alerts={findings}
        open={dialogOpen}
        onOpenChange={setDialogOpen}
        onConfirm={(decision) => send.mutate({ id: orderId, body: overrideRequest(decision), key: newIdempotencyKey() }, { onSuccess: onSent, onError })}
      />
    </div>
  );
}
