import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { departmentName } from '../../../lib/department-name';
import { problemMessage } from '../../../lib/problem-message';
import { hospitalDay, hospitalDayBefore, hospitalDayEnd, hospitalDayStart } from '../../../lib/time';
import { useOrderStatistics } from '../api/get-order-statistics';
import { useDepartments } from '../api/list-departments';
import { ORDER_TYPES, PRIORITIES, STATUSES } from '../lib/enums';

interface Bar {
  key: string;
  label: string;
  value: number;
}

/** Horizontal bars drawn as plain SVG (no chart library): each bar has its number written beside it. */
export function BarChart({ title, bars, testId }: { title: string; bars: readonly Bar[]; testId: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 26;
  return (
    <figure data-testid={testId}>
      <figcaption className="mb-2 text-sm font-semibold text-slate-700">{title}</figcaption>
      <svg role="img" aria-label={title} width="100%" height={bars.length * rowHeight} viewBox={`0 0 400 ${bars.length * rowHeight}`} preserveAspectRatio="none">
        {bars.map((bar, i) => (
          <g key={bar.key} transform={`translate(0, ${i * rowHeight})`} data-testid={`${testId}-${bar.key}`} data-value={bar.value}>
            <text x={0} y={17} fontSize={12} fill="#334155">
              {bar.label}
            </text>
            <rect x={140} y={5} height={16} width={Math.max(0, (bar.value / max) * 220)} rx={3} fill="#0369a1" />
            <text x={145 + (bar.value / max) * 220} y={17} fontSize={12} fill="#0f172a">
              {bar.value}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** The default period: the last 30 days up to today, as calendar days in the hospital's zone (not the UTC day). */
export function defaultStatisticsPeriod(now: Date = new Date()): { from: string; to: string } {
  return { from: hospitalDayBefore(29, now), to: hospitalDay(now) };
}

/** /orders/statistics: orders of a period by type, status, priority and department, per day, and turnaround. */
export function OrderStatisticsPage() {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState(() => defaultStatisticsPeriod().from);
  const [to, setTo] = useState(() => defaultStatisticsPeriod().to);
  const stats = useOrderStatistics({ from: hospitalDayStart(from), to: hospitalDayEnd(to) });
  const departments = useDepartments();
  const data = stats.data;
  const fromMap = (map: Record<string, number> | undefined, keys: readonly string[], label: (k: string) => string) =>
    keys.map((k) => ({ key: k, label: label(k), value: map?.[k] ?? 0 }));

  return (
    <div data-testid="order-statistics-page" className="space-y-4">
      <PageHeader title={t('orders.stats.title')} description={t('orders.stats.description')} />
      <div className="flex flex-wrap gap-4">
        <div className="space-y-1">
          <Label htmlFor="stats-from">{t('orders.stats.from')}</Label>
          <Input id="stats-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="stats-to">{t('orders.stats.to')}</Label>
          <Input id="stats-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      {stats.isError ? <Alert tone="error">{problemMessage(stats.error, t)}</Alert> : null}
      {stats.isPending ? <Spinner /> : null}
      {data ? (
        <>
          <div className="flex gap-6 text-sm">
            <p>
              {t('orders.stats.total')}: <span className="text-lg font-semibold" data-testid="stats-total">{data.total}</span>
            </p>
            <p>
              {t('orders.stats.overdue')}: <span className="text-lg font-semibold text-rose-700" data-testid="stats-overdue">{data.overdue}</span>
            </p>
          </div>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Card>
              <CardContent className="pt-4">
                <BarChart testId="stats-by-type" title={t('orders.stats.byType')} bars={fromMap(data.byType, ORDER_TYPES, (k) => t(`orders.type.${k}`))} />
              </CardContent>
            </Card>
            <Card>
              <CardContent className="pt-4">
                <BarChart testId="stats-by-status" title={t('orders.stats.byStatus')} bars={fromMap(data.byStatus, STATUSES, (k) => t(`orders.status.${k}`))} />
              </CardContent>
            </Card>
            <Card>
              <CardContent className="pt-4">
                <BarChart testId="stats-by-priority" title={t('orders.stats.byPriority')} bars={fromMap(data.byPriority, PRIORITIES, (k) => t(`orders.priority.${k}`))} />
              </CardContent>
            </Card>
            <Card>
              <CardContent className="pt-4">
                <BarChart
                  testId="stats-by-department"
                  title={t('orders.stats.byDepartment')}
                  bars={Object.entries(data.byDepartment ?? {}).map(([id, value]) => {
                    const d = departments.data?.find((x) => x.id === id);
                    return { key: id, label: d ? departmentName(d, i18n.language) : id.slice(0, 8), value };
                  })}
                />
              </CardContent>
            </Card>
            <Card className="lg:col-span-2">
              <CardContent className="pt-4">
                <BarChart testId="stats-per-day" title={t('orders.stats.perDay')} bars={(data.perDay ?? []).map((d) => ({ key: d.day ?? '', label: d.day ?? '', value: d.count ?? 0 }))} />
              </CardContent>
            </Card>
          </div>
          <Card>
            <CardHeader>
              <CardTitle>{t('orders.stats.turnaround')}</CardTitle>
            </CardHeader>
            <CardContent>
              <Table data-testid="stats-turnaround">
                <TableHead>
                  <tr>
                    <TableHeaderCell>{t('orders.fields.type')}</TableHeaderCell>
                    <TableHeaderCell>{t('orders.stats.completed')}</TableHeaderCell>
                    <TableHeaderCell>{t('orders.stats.median')}</TableHeaderCell>
                    <TableHeaderCell>{t('orders.stats.p90')}</TableHeaderCell>
                  </tr>
                </TableHead>
                <TableBody>
                  {(data.turnaround ?? []).map((row) => (
                    <TableRow key={row.type}>
                      <TableCell>{row.type ? t(`orders.type.${row.type}`) : ''}</TableCell>
                      <TableCell>{row.completed}</TableCell>
                      <TableCell>{row.medianMinutes != null ? t('orders.stats.minutes', { value: Math.round(row.medianMinutes) }) : '—'}</TableCell>
                      <TableCell>{row.p90Minutes != null ? t('orders.stats.minutes', { value: Math.round(row.p90Minutes) }) : '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </>
      ) : null}
    </div>
  );
}
