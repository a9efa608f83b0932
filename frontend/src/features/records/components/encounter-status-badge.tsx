import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import type { EncounterStatus } from '../../../types/api';

const TONES = { OPEN: 'info', FINISHED: 'success', ENTERED_IN_ERROR: 'danger' } as const;

export function EncounterStatusBadge({ status }: { status: EncounterStatus | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  return <Badge tone={TONES[status]} data-testid="encounter-status" data-status={status}>{t(`records.status.${status}`)}</Badge>;
}
