import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { PageHeader } from '../../../components/ui/page-header';
import { Select } from '../../../components/ui/select';
import { Spinner } from '../../../components/ui/spinner';
import { hospitalDay } from '../../../lib/time';
import type { StatusCounts } from '../../../types/api';
import { useAppointmentStats } from '../api/get-appointment-stats';
import { useDepartments } from '../api/list-departments';
import { departmentName as nameOf } from '../../../lib/department-name';

const COUNT_KEYS = ['total', 'scheduled', 'waiting', 'inConsultation', 'completed', 'noShows', 'cancelled'] as const;

function seoulToday(): string {
  return hospitalDay();
}

function CountCards({ counts, prefix }: { counts?: StatusCounts; prefix: string }) {
  const { t } = useTranslation();
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
      {COUNT_KEYS.map((key) => (
        <Card key={key}>
          <CardContent className="p-3">
            <p className="text-xs text-slate-500">{t(`dashboard.${key}`)}</p>
            <p className="text-2xl font-semibold text-slate-900" data-testid={`${prefix}-${key}`}>
              {counts?.[key] ?? 0}
            </p>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}

/** Today's (or any day's) appointment counts, by status, hour and department; refetched live on every change. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState(seoulToday());
  const [departmentId, setDepartmentId] = useState('');
  const stats = useAppointmentStats({ date, departmentId: departmentId || undefined });
  const departments = useDepartments();
  // the shared helper's name in the UI language; a department not (yet) in the list shows a dash, never its id
  const departmentName = (id?: string) => {
    const d = departments.data?.find((x) => x.id === id);
    return d ? nameOf(d, i18n.language) : '—';
  };
  const byHour = stats.data?.byHour ?? [];
  const maxHour = Math.max(1, ...byHour.map((h) => h.count ?? 0));

  return (
    <div data-testid="dashboard-page" data-loaded={stats.isSuccess} className="space-y-6">
      <PageHeader title={t('dashboard.title')} description={t('dashboard.subtitle')} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <Label htmlFor="dashboard-date">{t('dashboard.date')}</Label>
          <Input id="dashboard-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="dashboard-department">{t('dashboard.department')}</Label>
          <Select id="dashboard-department" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
            <option value="">{t('dashboard.allDepartments')}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {departmentName(d.id)}
              </option>
            ))}
          </Select>
        </div>
        {stats.isFetching ? <Spinner /> : null}
      </div>
      {stats.isError ? <Alert tone="error">{t('dashboard.loadError')}</Alert> : null}
      <CountCards counts={stats.data?.all} prefix="dash" />
      {stats.data?.mine ? (
        <section aria-labelledby="dash-mine" className="space-y-2">
          <h2 id="dash-mine" className="text-lg font-semibold text-slate-900">
            {t('dashboard.mine')}
          </h2>
          <CountCards counts={stats.data.mine} prefix="mine" />
        </section>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t('dashboard.byHour')}</CardTitle>
          </CardHeader>
          <CardContent>
            {byHour.length === 0 ? (
              <p className="text-sm text-slate-500">{t('dashboard.empty')}</p>
            ) : (
              <ul className="space-y-1" data-testid="dash-by-hour">
                {byHour.map((h) => (
                  <li key={h.hour} className="flex items-center gap-2 text-sm">
                    <span className="w-12 text-right text-slate-600">{t('dashboard.hour', { hour: h.hour })}</span>
                    <span className="h-4 rounded bg-sky-500" style={{ width: `${((h.count ?? 0) / maxHour) * 80}%` }} aria-hidden="true" />
                    <span className="text-slate-800">{h.count}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('dashboard.byDepartment')}</CardTitle>
          </CardHeader>
          <CardContent>
            {(stats.data?.byDepartment ?? []).length === 0 ? (
              <p className="text-sm text-slate-500">{t('dashboard.empty')}</p>
            ) : (
              <table className="w-full text-sm" data-testid="dash-by-department">
                <thead>
                  <tr className="text-left text-xs text-slate-500">
                    <th className="py-1">{t('dashboard.department')}</th>
                    <th>{t('dashboard.total')}</th>
                    <th>{t('dashboard.waiting')}</th>
                    <th>{t('dashboard.inConsultation')}</th>
                    <th>{t('dashboard.completed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(stats.data?.byDepartment ?? []).map((d) => (
                    <tr key={d.departmentId} className="border-t border-slate-100">
                      <td className="py-1">{departmentName(d.departmentId)}</td>
                      <td>{d.counts?.total}</td>
                      <td>{d.counts?.waiting}</td>
                      <td>{d.counts?.inConsultation}</td>
                      <td>{d.counts?.completed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
