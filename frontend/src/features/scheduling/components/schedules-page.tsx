import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Select } from '../../../components/ui/select';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { isApiProblem, problemFieldErrors } from '../../../lib/api-client';
import { departmentName } from '../../../lib/department-name';
import { zodFieldErrors } from '../../../lib/form-errors';
import { problemMessage } from '../../../lib/problem-message';
import type { DayOfWeek } from '../../../types/api';
import { DAYS_OF_WEEK, defineScheduleSchema, useDefineSchedule } from '../api/define-schedule';
import { useDepartments } from '../api/list-departments';
import { useSchedules } from '../api/list-schedules';
import { DepartmentSelect } from './department-select';
import { DoctorField } from './doctor-field';
import type { SessionUser } from './session-user';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** /appointments/schedules: a doctor's weekly hours; define a new day. */
export function SchedulesPage({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const [doctorId, setDoctorId] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [dayOfWeek, setDayOfWeek] = useState<DayOfWeek>('MONDAY');
  const [startTime, setStartTime] = useState('09:00');
  const [endTime, setEndTime] = useState('17:00');
  const [slotMinutes, setSlotMinutes] = useState('15');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const define = useDefineSchedule();
  const schedules = useSchedules(GUID.test(doctorId) ? doctorId : '');
  const departments = useDepartments();
  const serverErrors = problemFieldErrors(isApiProblem(define.error) ? define.error : undefined);
  const fieldError = (field: string) => errors[field] ?? serverErrors[field];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = defineScheduleSchema.safeParse({
      doctorId,
      departmentId,
      dayOfWeek,
      startTime,
      endTime,
      slotMinutes: slotMinutes ? Number(slotMinutes) : undefined,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    define.mutate(parsed.data);
  };

  const deptName = (id: string | undefined) => {
    const department = departments.data?.find((d) => d.id === id);
    return department ? departmentName(department, i18n.language) : id;
  };

  return (
    <div data-testid="schedules-page">
      <PageHeader title={t('scheduling.schedules.title')} description={t('scheduling.schedules.description')} />
      <form onSubmit={onSubmit} noValidate className="mb-8 grid max-w-2xl grid-cols-1 gap-3 md:grid-cols-2" data-testid="schedule-form">
        <div className="md:col-span-2">
          {define.isError ? <Alert tone="error">{problemMessage(define.error, t)}</Alert> : null}
          {define.isSuccess ? <Alert tone="success">{t('scheduling.schedules.saved')}</Alert> : null}
        </div>
        <div className="md:col-span-2">
          <DoctorField id="schedule-doctor" user={user} departmentId={departmentId} value={doctorId} onChange={setDoctorId} error={fieldError('doctorId')} />
        </div>
        <FormField id="schedule-department" label={t('scheduling.fields.department')} error={fieldError('departmentId')}>
          <DepartmentSelect id="schedule-department" value={departmentId} onChange={setDepartmentId} emptyLabel={t('scheduling.fields.chooseDepartment')} invalid={Boolean(fieldError('departmentId'))} />
        </FormField>
        <FormField id="schedule-day" label={t('scheduling.fields.dayOfWeek')} error={fieldError('dayOfWeek')}>
          <Select id="schedule-day" data-testid="schedule-day" value={dayOfWeek} onChange={(event) => setDayOfWeek(event.target.value as DayOfWeek)}>
            {DAYS_OF_WEEK.map((day) => (
              <option key={day} value={day}>
                {t(`scheduling.days.${day}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="schedule-start" label={t('scheduling.fields.startTime')} error={fieldError('startTime')}>
          <Input id="schedule-start" type="time" data-testid="schedule-start" value={startTime} onChange={(event) => setStartTime(event.target.value)} />
        </FormField>
        <FormField id="schedule-end" label={t('scheduling.fields.endTime')} error={fieldError('endTime')}>
          <Input id="schedule-end" type="time" data-testid="schedule-end" value={endTime} onChange={(event) => setEndTime(event.target.value)} />
        </FormField>
        <FormField id="schedule-slot" label={t('scheduling.fields.slotMinutes')} error={fieldError('slotMinutes')}>
          <Input id="schedule-slot" type="number" min={5} max={240} data-testid="schedule-slot" value={slotMinutes} onChange={(event) => setSlotMinutes(event.target.value)} />
        </FormField>
        <div className="flex items-end">
          <Button type="submit" data-testid="schedule-submit" disabled={define.isPending}>
            {t('scheduling.schedules.submit')}
          </Button>
        </div>
      </form>

      <h2 className="mb-2 text-lg font-semibold text-slate-900">{t('scheduling.schedules.existing')}</h2>
      {!GUID.test(doctorId) ? (
        <p className="text-sm text-slate-500">{t('scheduling.schedules.pickDoctor')}</p>
      ) : schedules.isPending ? (
        <Spinner />
      ) : schedules.isError ? (
        <Alert tone="error">{problemMessage(schedules.error, t)}</Alert>
      ) : (schedules.data ?? []).length === 0 ? (
        <EmptyState title={t('scheduling.schedules.empty')} />
      ) : (
        <Table data-testid="schedules-table">
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t('scheduling.fields.dayOfWeek')}</TableHeaderCell>
              <TableHeaderCell>{t('scheduling.fields.department')}</TableHeaderCell>
              <TableHeaderCell>{t('scheduling.fields.startTime')}</TableHeaderCell>
              <TableHeaderCell>{t('scheduling.fields.endTime')}</TableHeaderCell>
              <TableHeaderCell>{t('scheduling.fields.slotMinutes')}</TableHeaderCell>
              <TableHeaderCell>{t('scheduling.fields.status')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(schedules.data ?? []).map((schedule) => (
              <TableRow key={schedule.id} data-testid="schedule-row">
                <TableCell>{schedule.dayOfWeek ? t(`scheduling.days.${schedule.dayOfWeek}`) : ''}</TableCell>
                <TableCell>{deptName(schedule.departmentId)}</TableCell>
                <TableCell className="font-mono">{schedule.startTime?.slice(0, 5)}</TableCell>
                <TableCell className="font-mono">{schedule.endTime?.slice(0, 5)}</TableCell>
                <TableCell>{schedule.slotMinutes}</TableCell>
                <TableCell>{schedule.active ? t('common.active') : t('common.inactive')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
