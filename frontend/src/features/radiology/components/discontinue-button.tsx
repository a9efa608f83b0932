import { ReasonDialogButton } from '../../../components/reason-dialog-button';
import { useDiscontinueImagingOrder } from '../api/report-mutations';

/**
 * Radiology discontinues an acquired imaging order (the prescriber cannot cancel it once its images were acquired):
 * the shared reason dialog, then the order is cancelled, the prescriber is told, a toast confirms and `onDone` runs
 * (the reading screen goes back to the worklist).
 */
export function DiscontinueButton({ orderId, version, onDone }: { orderId: string; version?: number; onDone?: () => void }) {
  const discontinue = useDiscontinueImagingOrder(onDone);
  return (
    <ReasonDialogButton
      name="ris-discontinue"
      testId="ris-discontinue"
      variant="danger"
      labels={{
        action: 'radiology.discontinue.action',
        title: 'radiology.discontinue.title',
        description: 'radiology.discontinue.description',
        reason: 'radiology.discontinue.reason',
        confirm: 'radiology.discontinue.confirm',
        back: 'radiology.discontinue.back',
      }}
      pending={discontinue.isPending}
      error={discontinue.isError ? discontinue.error : undefined}
      onConfirm={(reason, close) =>
        discontinue.mutate({ orderId, version, reason, key: crypto.randomUUID() }, { onSuccess: close })
      }
    />
  );
}
