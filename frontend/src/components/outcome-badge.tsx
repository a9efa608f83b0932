import { useTranslation } from 'react-i18next';
import { Badge } from './ui/badge';

const TONES = { SUCCESS: 'success', FAILURE: 'warning', DENIED: 'danger' } as const;

/** An audit outcome (`SUCCESS`, `FAILURE`, `DENIED`) as a coloured, translated badge. */
export function OutcomeBadge({ outcome }: { outcome: string | undefined }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  const tone = TONES[outcome as keyof typeof TONES] ?? 'neutral';
  return <Badge tone={tone}>{t(`audit.outcomes.${outcome}`, { defaultValue: outcome })}</Badge>;
}
