import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import type { OrderPriority, OrderStatus } from '../../../types/api';
import { PRIORITY_TONE, STATUS_TONE } from '../lib/enums';

const PRIORITY_ICON: Record<OrderPriority, string> = { EMERGENCY: '‼', STAT: '!', URGENT: '▲', ROUTINE: '' };

export function PriorityBadge({ priority }: { priority: OrderPriority | undefined }) {
  const { t } = useTranslation();
  if (!priority) return null;
  return (
    <Badge tone={PRIORITY_TONE[priority]} data-testid="order-priority" data-priority={priority}>
      {PRIORITY_ICON[priority] ? <span aria-hidden="true" className="mr-1">{PRIORITY_ICON[priority]}</span> : null}
      {t(`orders.priority.${priority}`)}
    </Badge>
  );
}

export function OrderStatusBadge({ status }: { status: OrderStatus | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge tone={STATUS_TONE[status]} data-testid="order-status" data-status={status}>
      {t(`orders.status.${status}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="danger" data-testid="order-overdue" className="font-semibold">
      <span aria-hidden="true" className="mr-1">⏰</span>
      {t('orders.overdue')}
    </Badge>
  );
}
