import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { PageHeader } from '../../../components/ui/page-header';
import { toApiProblem } from '../../../lib/api-client';
import type { DuplicateMatch } from '../../../types/api';
import { checkDuplicates } from '../api/check-duplicates';
import { useRegisterPatient, type PatientForm } from '../api/save-patient';
import { DuplicateDialog } from './duplicate-dialog';
import { PatientFormFields } from './patient-form';

/**
 * /patients/new: front office (and doctors, nurses) register a patient; the MRN is generated. Before saving, the
 * records that may be the same person (same number, name + birth date, phone + birth date) are shown, with
 * "same person" opening the existing chart.
 */
export function NewPatientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const register = useRegisterPatient();
  const [pending, setPending] = useState<{ form: PatientForm; matches: DuplicateMatch[] }>();
  const [checking, setChecking] = useState(false);

  const save = (form: PatientForm) =>
    register.mutate(form, { onSuccess: (patient) => navigate(`/patients/${patient.id}`) });

  const submit = async (form: PatientForm) => {
    setChecking(true);
    try {
      const matches = await checkDuplicates({ name: form.name, birthDate: form.birthDate, phone: form.phone, rrn: form.rrn });
      if (matches.length > 0) {
        setPending({ form, matches });
        return;
      }
    } catch {
      // the check is a help, not a gate: the server still refuses a registered number
    } finally {
      setChecking(false);
    }
    save(form);
  };

  const problem = register.error ? toApiProblem(register.error) : null;
  const existing = problem?.code === 'patient.duplicate-rrn' ? problem.extensions.existingPatientId : undefined;

  return (
    <div data-testid="new-patient-page">
      <Link to="/patients" className="mb-4 inline-block text-sm text-sky-700 hover:underline">
        ← {t('patients.backToList')}
      </Link>
      <PageHeader title={t('patients.newTitle')} />
      {typeof existing === 'string' ? (
        <Alert tone="warning" className="mb-3">
          <Link to={`/patients/${existing}`} className="font-medium text-sky-700 hover:underline" data-testid="duplicate-existing-link">
            {t('patients.duplicates.openExisting')}
          </Link>
        </Alert>
      ) : null}
      <PatientFormFields submitting={register.isPending || checking} error={register.error} onSubmit={(form) => void submit(form)} />
      {pending ? (
        <DuplicateDialog
          matches={pending.matches}
          registering={register.isPending}
          onOpenChart={(id) => navigate(`/patients/${id}`)}
          onBack={() => setPending(undefined)}
          onRegisterAnyway={() => {
            const form = pending.form;
            setPending(undefined);
            save(form);
          }}
        />
      ) : null}
    </div>
  );
}
