import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/ui/page-header';
import { PatientSummaryCard } from './patient-summary-card';

/** /patients/:id */
export function PatientDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <div data-testid="patient-detail-page">
      <Link
        to="/patients"
        className="mb-4 inline-block text-sm text-sky-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      >
        ← {t('patients.backToList')}
      </Link>
      <PageHeader title={t('patients.detailTitle')} />
      <PatientSummaryCard patientId={id} />
    </div>
  );
}
