import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';

const TONES = { LOW: 'success', MEDIUM: 'warning', HIGH: 'danger' } as const;

/** A risk band as a coloured, translated badge. */
export function BandBadge({ band, testId }: { band?: string; testId?: string }) {
  const { t } = useTranslation();
  if (!band) return null;
  const tone = TONES[band as keyof typeof TONES] ?? 'neutral';
  return (
    <Badge tone={tone} data-testid={testId} data-band={band}>
      {t(`ai.band.${band}`)}
    </Badge>
  );
}
