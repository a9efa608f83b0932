import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent } from '../../../components/ui/dialog';
import type { DuplicateMatch } from '../../../types/api';

/**
 * Shown before a registration is saved when records may be the same person: each with why it matched, and
 * "same person — open this chart". A record with the same registration number is certain: registering again is not
 * offered then.
 */
export function DuplicateDialog({
  matches,
  onOpenChart,
  onRegisterAnyway,
  onBack,
  registering,
}: {
  matches: DuplicateMatch[];
  onOpenChart: (id: string) => void;
  onRegisterAnyway: () => void;
  onBack: () => void;
  registering: boolean;
}) {
  const { t } = useTranslation();
  const sameNumber = matches.some((m) => (m.reasons ?? []).includes('RRN'));
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onBack())}>
      <DialogContent title={t('patients.duplicates.title')} description={t('patients.duplicates.description')}>
        <div className="space-y-3" data-testid="duplicate-dialog">
          {sameNumber ? <Alert tone="error">{t('patients.duplicates.sameNumber')}</Alert> : null}
          <ul className="divide-y divide-slate-200 rounded border border-slate-200">
            {matches.map(({ patient, reasons = [] }) => (
              <li key={patient?.id} className="flex flex-wrap items-center justify-between gap-2 p-2" data-testid="duplicate-match">
                <div className="min-w-0">
                  <div className="font-medium">
                    {patient?.name} <span className="text-sm text-slate-500">{patient?.mrn}</span>
                  </div>
                  <div className="text-sm text-slate-600">
                    {patient?.birthDate} · {patient?.sex ? t(`patients.sex.${patient.sex}`) : ''} ·{' '}
                    {reasons.map((r) => t(`patients.duplicates.reason.${r}`)).join(', ')}
                  </div>
                </div>
                <Button data-testid="duplicate-open-chart" onClick={() => onOpenChart(patient?.id ?? '')}>
                  {t('patients.duplicates.samePerson')}
                </Button>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={onBack}>
              {t('patients.duplicates.back')}
            </Button>
            {sameNumber ? null : (
              <Button variant="danger" data-testid="duplicate-register-anyway" disabled={registering} onClick={onRegisterAnyway}>
                {t('patients.duplicates.registerAnyway')}
              </Button>
            )}
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
