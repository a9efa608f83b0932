import { useTranslation } from 'react-i18next';
import { Select } from '../../../components/ui/select';
import { departmentName } from '../../../lib/department-name';
import { useDepartments } from '../api/list-departments';

/** The department list as a select; `emptyLabel` is the first, empty option ("all" or "choose"). */
export function DepartmentSelect({ id, value, onChange, emptyLabel, invalid }: { id: string; value: string; onChange: (id: string) => void; emptyLabel: string; invalid?: boolean }) {
  const { i18n } = useTranslation();
  const departments = useDepartments();
  return (
    <Select id={id} data-testid={id} value={value} aria-invalid={invalid || undefined} aria-describedby={`${id}-error`} onChange={(event) => onChange(event.target.value)}>
      <option value="">{emptyLabel}</option>
      {(departments.data ?? []).map((department) => (
        <option key={department.id} value={department.id}>
          {departmentName(department, i18n.language)}
        </option>
      ))}
    </Select>
  );
}
