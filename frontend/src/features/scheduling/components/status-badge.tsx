import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import type { AppointmentStatus } from '../../../types/api';
import { STATUS_TONE } from '../lib/actions';

export function StatusBadge({ status }: { status: AppointmentStatus | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge tone={STATUS_TONE[status]} data-testid="appointment-status" data-status={status}>
      {t(`scheduling.status.${status}`)}
    </Badge>
  );
}
