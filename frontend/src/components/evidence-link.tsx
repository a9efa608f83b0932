import { useTranslation } from 'react-i18next';
import { evidencePath, type EvidenceKind } from '../lib/evidence';

/** "Evidence" in one click: opens the knowledge hub's evidence page in a new tab (the clinician's screen stays). */
export function EvidenceLink({ context, terms, testId = 'evidence-link' }: { context: EvidenceKind; terms: readonly (string | undefined | null)[]; testId?: string }) {
  const { t } = useTranslation();
  const href = evidencePath(context, terms);
  if (!href) return null;
  return (
    <a href={href} target="_blank" rel="noopener" className="text-xs font-medium text-sky-800 underline" data-testid={testId}>
      📚 {t('evidence.open')}
    </a>
  );
}
