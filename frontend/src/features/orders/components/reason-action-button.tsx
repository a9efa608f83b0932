import { ReasonDialogButton } from '../../../components/reason-dialog-button';
import type { OrderDetailView } from '../../../types/api';
import type { useCancelOrder } from '../api/cancel-order';
import { newIdempotencyKey } from '../api/order-mutation';

/** Cancel and return take the same body (a reason and the version seen), so their mutations have one type. */
type ReasonMutation = ReturnType<typeof useCancelOrder>;

/**
 * Cancel by the orderer or return by the performing department: the shared reason dialog running the order step at the
 * version on screen, one key per confirmation. `name` prefixes the test ids and the field id.
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
  return (
    <ReasonDialogButton
      name={name}
      testId={`order-${name}`}
      labels={{ ...labels, back: 'orders.cancel.back' }}
      pending={mutation.isPending}
      error={mutation.isError ? mutation.error : undefined}
      onConfirm={(reason, close) =>
        mutation.mutate(
          { id: data.order?.id ?? '', body: { reason, version: data.order?.version }, key: newIdempotencyKey() },
          { onSuccess: close },
        )
      }
    />
  );
}
