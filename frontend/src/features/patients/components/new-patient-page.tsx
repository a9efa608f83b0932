import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/ui/page-header';
import { useRegisterPatient } from '../api/save-patient';
import { PatientFormFields } from './patient-form';

/** /patients/new: front office (and doctors, nurses) register a patient; the MRN is generated. */
export function NewPatientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const register = useRegisterPatient();
  return (
    <div data-testid="new-patient-page">
      <Link to="/patients" className="mb-4 inline-block text-sm text-sky-700 hover:underline">
        ← {t('patients.backToList')}
      </Link>
      <PageHeader title={t('patients.newTitle')} />
      <PatientFormFields
        submitting={register.isPending}
        error={register.error}
        onSubmit={(form) =>
          register.mutate(form, { onSuccess: (patient) => navigate(`/patients/${patient.id}`) })
        }
      />
    </div>
  );
}
