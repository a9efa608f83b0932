import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { PatientSummaryCard } from './patient-summary-card';

/** /me/record: a patient's own record. The app passes the signed-in user's patient id. */
export function MyRecordPage({ patientId }: { patientId: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <div data-testid="my-record-page">
      <PageHeader title={t('patients.myRecordTitle')} />
      {patientId ? <PatientSummaryCard patientId={patientId} /> : <EmptyState title={t('patients.noLinkedRecord')} />}
    </div>
  );
}
