import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormField, fieldProps } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { problemFieldErrors, toApiProblem } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/form-errors';
import { problemMessage } from '../../../lib/problem-message';
import { BLOOD_TYPES, patientFormSchema, type PatientForm } from '../api/save-patient';

const TEXT_FIELDS = ['name', 'nameLatin', 'phone', 'address', 'emergencyContactName', 'emergencyContactPhone'] as const;

/** Demographics form for registering and editing a patient. Shows client and server field errors. */
export function PatientFormFields({
  initial,
  submitting,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: Partial<PatientForm>;
  submitting: boolean;
  error: unknown;
  onSubmit: (form: PatientForm) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Record<string, string>>(() => ({
    name: initial?.name ?? '',
    nameLatin: initial?.nameLatin ?? '',
    birthDate: initial?.birthDate ?? '',
    sex: initial?.sex ?? 'U',
    phone: initial?.phone ?? '',
    address: initial?.address ?? '',
    bloodType: initial?.bloodType ?? '',
    emergencyContactName: initial?.emergencyContactName ?? '',
    emergencyContactPhone: initial?.emergencyContactPhone ?? '',
    rrn: '',
  }));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const serverProblem = error ? toApiProblem(error) : null;
  const errors = { ...problemFieldErrors(serverProblem), ...clientErrors };

  const set = (field: string, value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = patientFormSchema.safeParse({ ...form, bloodType: form.bloodType || undefined });
    if (!parsed.success) {
      setClientErrors(zodFieldErrors(parsed.error));
      return;
    }
    setClientErrors({});
    onSubmit(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="patient-form">
      {serverProblem ? (
        <Alert tone="error" data-testid="patient-form-error">
          {serverProblem.code === 'stale-version' ? t('patients.form.stale') : problemMessage(error, t)}
        </Alert>
      ) : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {TEXT_FIELDS.map((field) => (
          <FormField key={field} id={`patient-${field}`} label={t(`patients.form.${field}`)} error={errors[field]}>
            <Input
              {...fieldProps(`patient-${field}`, errors[field])}
              data-testid={`patient-${field}`}
              value={form[field]}
              onChange={(e) => set(field, e.target.value)}
            />
          </FormField>
        ))}
        <FormField id="patient-birthDate" label={t('patients.form.birthDate')} error={errors.birthDate}>
          <Input
            {...fieldProps('patient-birthDate', errors.birthDate)}
            type="date"
            data-testid="patient-birthDate"
            value={form.birthDate}
            onChange={(e) => set('birthDate', e.target.value)}
          />
        </FormField>
        <FormField id="patient-sex" label={t('patients.form.sex')} error={errors.sex}>
          <Select id="patient-sex" data-testid="patient-sex" value={form.sex} onChange={(e) => set('sex', e.target.value)}>
            {(['M', 'F', 'O', 'U'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`patients.sex.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="patient-bloodType" label={t('patients.form.bloodType')} error={errors.bloodType}>
          <Select
            id="patient-bloodType"
            data-testid="patient-bloodType"
            value={form.bloodType}
            onChange={(e) => set('bloodType', e.target.value)}
          >
            <option value="">—</option>
            {BLOOD_TYPES.map((b) => (
              <option key={b} value={b}>
                {b === 'unknown' ? t('patients.form.bloodUnknown') : b}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="patient-rrn" label={t('patients.form.rrn')} error={errors.rrn} hint={t('patients.form.rrnHint')}>
          <Input
            {...fieldProps('patient-rrn', errors.rrn)}
            data-testid="patient-rrn"
            autoComplete="off"
            value={form.rrn}
            onChange={(e) => set('rrn', e.target.value)}
          />
        </FormField>
      </div>
      <div className="flex gap-2">
        <Button type="submit" data-testid="patient-save" disabled={submitting}>
          {t('common.save')}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
