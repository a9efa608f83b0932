import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../components/ui/checkbox';
import { ALL_ROLES } from '../../../lib/roles';
import type { Role } from '../../../types/api';

/** The roles of a user as a group of checkboxes (with its error bound to the group). */
export function RoleCheckboxes({
  value,
  onChange,
  error,
}: {
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const toggle = (role: Role, checked: boolean) =>
    onChange(checked ? ALL_ROLES.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role));
  return (
    <fieldset aria-describedby="roles-error" aria-invalid={Boolean(error) || undefined} className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{t('admin.users.fields.roles')}</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        {ALL_ROLES.map((role) => (
          <Checkbox
            key={role}
            id={`role-${role}`}
            data-testid={`role-${role}`}
            label={t(`roles.${role}`)}
            checked={value.includes(role)}
            onChange={(event) => toggle(role, event.target.checked)}
          />
        ))}
      </div>
      <p id="roles-error" className="text-sm text-rose-700" aria-live="polite" data-testid="roles-error">
        {error}
      </p>
    </fieldset>
  );
}
