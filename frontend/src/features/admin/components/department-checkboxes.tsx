import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../components/ui/checkbox';
import { Spinner } from '../../../components/ui/spinner';
import { departmentName } from '../../../lib/department-name';
import { problemMessage } from '../../../lib/problem-message';
import { useDepartments } from '../api/list-departments';

/** The departments of a user as a group of checkboxes, from GET /api/departments. */
export function DepartmentCheckboxes({
  value,
  onChange,
  error,
}: {
  value: readonly string[];
  onChange: (departmentIds: string[]) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments();
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id));
  return (
    <fieldset aria-describedby="departmentIds-error" aria-invalid={Boolean(error) || undefined} className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{t('admin.users.fields.departments')}</legend>
      {departments.isPending ? (
        <Spinner className="justify-start" />
      ) : departments.isError ? (
        <p className="text-sm text-rose-700">{problemMessage(departments.error, t)}</p>
      ) : (
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
          {departments.data.map((department) => {
            const id = department.id ?? '';
            return (
              <Checkbox
                key={id}
                id={`department-${id}`}
                data-testid={`department-${department.code ?? id}`}
                label={
                  <>
                    {departmentName(department, i18n.language)}
                    {department.active === false ? (
                      <span className="ml-1 text-xs text-slate-500">({t('common.inactive')})</span>
                    ) : null}
                  </>
                }
                checked={value.includes(id)}
                onChange={(event) => toggle(id, event.target.checked)}
              />
            );
          })}
        </div>
      )}
      <p id="departmentIds-error" className="text-sm text-rose-700" aria-live="polite">
        {error}
      </p>
    </fieldset>
  );
}
