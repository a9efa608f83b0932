import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { ClinicalListSection } from './clinical-list-section';
import { PatientSummaryCard } from './patient-summary-card';

/**
 * /me/record: a patient's own record — header, clinical lists (read-only) and `children` the app adds from other
 * features (the visit history). The app passes the signed-in user's patient id.
 */
export function MyRecordPage({ patientId, children }: { patientId: string | null | undefined; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div data-testid="my-record-page" className="space-y-4">
      <PageHeader title={t('patients.myRecordTitle')} />
      {patientId ? (
        <>
          <PatientSummaryCard patientId={patientId} />
          {children}
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
            <ClinicalListSection patientId={patientId} kind="allergies" canWrite={false} />
            <ClinicalListSection patientId={patientId} kind="medications" canWrite={false} />
            <ClinicalListSection patientId={patientId} kind="problems" canWrite={false} />
          </div>
        </>
      ) : (
        <EmptyState title={t('patients.noLinkedRecord')} />
      )}
    </div>
  );
}
