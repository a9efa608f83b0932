import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field';
import { Select } from '../../../components/ui/select';
import { useDoctors } from '../api/list-doctors';
import type { SessionUser } from './session-user';

/** Picks a doctor by name from the doctor directory, limited to the chosen department when there is one. */
export function DoctorField({
  id,
  user,
  value,
  onChange,
  error,
  departmentId,
}: {
  id: string;
  user: SessionUser;
  value: string;
  onChange: (doctorId: string) => void;
  error?: string;
  departmentId?: string;
}) {
  const { t } = useTranslation();
  const doctors = useDoctors(departmentId || undefined);
  return (
    <FormField id={id} label={t('scheduling.doctor.label')} error={error}>
      <Select
        id={id}
        data-testid={id}
        value={value}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={`${id}-error`}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('scheduling.doctor.choose')}</option>
        {(doctors.data ?? []).map((doctor) => (
          <option key={doctor.id} value={doctor.id}>
            {doctor.id === user.id ? t('scheduling.doctor.me', { name: doctor.displayName ?? '' }) : doctor.displayName}
          </option>
        ))}
      </Select>
    </FormField>
  );
}
