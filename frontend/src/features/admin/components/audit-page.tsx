import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { OutcomeBadge } from '../../../components/outcome-badge';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { PageHeader } from '../../../components/ui/page-header';
import { Pagination } from '../../../components/ui/pagination';
import { Select } from '../../../components/ui/select';
import { Spinner } from '../../../components/ui/spinner';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableMessageRow,
  TableRow,
} from '../../../components/ui/table';
import { PAGE_SIZE, pageParam } from '../../../lib/query-params';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant, getHospitalTimeZone, hospitalDayEnd, hospitalDayStart } from '../../../lib/time';
import { useAudit } from '../api/list-audit';
import { useAuditActions } from '../api/list-audit-actions';
import { AuditPatientPick } from './audit-patient-pick';
import { auditActionLabel, auditResourceLabel } from '../../../lib/audit-action-label';

const COLUMNS = 8;
const OUTCOMES = ['SUCCESS', 'FAILURE', 'DENIED'] as const;
const FILTERS = ['username', 'patientId', 'patient', 'action', 'outcome', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** /admin/audit: the audit trail, newest first. Dates are calendar days in the hospital's zone. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const roleLabels = (roles: string | undefined) =>
    (roles ?? '')
      .split(/[ ,]+/)
      .filter(Boolean)
      .map((r) => t(`roles.${r}`, { defaultValue: r }))
      .join(', ');
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as Filters;
  const page = pageParam(params.get('page'));
  const [draft, setDraft] = useState<Filters>(applied);
  const appliedKey = params.toString();
  useEffect(() => setDraft(applied), [appliedKey]); // re-sync the form when the URL changes

  const actions = useAuditActions();
  const audit = useAudit({
    username: applied.username || undefined,
    patientId: applied.patientId || undefined,
    action: applied.action || undefined,
    outcome: applied.outcome || undefined,
    from: applied.from ? hospitalDayStart(applied.from) : undefined,
    to: applied.to ? hospitalDayEnd(applied.to) : undefined,
    page,
    size: PAGE_SIZE,
  });

  const setPage = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 0) next.set('page', String(p));
    else next.delete('page');
    setParams(next);
  };

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FILTERS) {
      const value = draft[key].trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  };

  const input = (key: keyof Filters) => ({
    id: `audit-${key}`,
    'data-testid': `audit-filter-${key}`,
    value: draft[key],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value }),
  });

  const rows = audit.data?.content ?? [];
  const lang = i18n.language;

  return (
    <div data-testid="admin-audit-page">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <form
        role="search"
        onSubmit={onFilter}
        className="mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <div className="space-y-1">
          <Label htmlFor="audit-username">{t('audit.filters.username')}</Label>
          <Input {...input('username')} type="search" autoCapitalize="none" spellCheck={false} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-patient">{t('audit.filters.patient')}</Label>
          <AuditPatientPick
            id="audit-patient"
            value={draft.patientId ? { id: draft.patientId, label: draft.patient || t('audit.patientPick.unnamed') } : undefined}
            onChange={(picked) => setDraft({ ...draft, patientId: picked?.id ?? '', patient: picked?.label ?? '' })}
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-action">{t('audit.filters.action')}</Label>
          <Select {...input('action')}>
            <option value="">{t('common.all')}</option>
            {(actions.data ?? []).map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action, t)}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-outcome">{t('audit.filters.outcome')}</Label>
          <Select {...input('outcome')}>
            <option value="">{t('common.all')}</option>
            {OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`audit.outcomes.${outcome}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-from">{t('audit.filters.from')}</Label>
          <Input {...input('from')} type="date" max={draft.to || undefined} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-to">{t('audit.filters.to')}</Label>
          <Input {...input('to')} type="date" min={draft.from || undefined} />
        </div>
        <div className="flex gap-2 lg:col-span-2">
          <Button type="submit" data-testid="audit-filter-apply">
            {t('common.search')}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setParams(new URLSearchParams())}>
            {t('common.reset')}
          </Button>
          <p className="self-center text-xs text-slate-500">{t('audit.timeZoneNote', { zone: getHospitalTimeZone() })}</p>
        </div>
      </form>

      {audit.isError ? (
        <Alert tone="error" className="mb-4">
          {problemMessage(audit.error, t)}
        </Alert>
      ) : null}

      <Table data-testid="audit-table" aria-busy={audit.isFetching}>
        <caption className="sr-only">{t('audit.title')}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t('audit.columns.time')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.columns.user')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.columns.roles')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.columns.action')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.columns.resource')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.columns.patient')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.columns.ip')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.columns.outcome')}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {audit.isPending ? (
            <TableMessageRow colSpan={COLUMNS}>
              <Spinner />
            </TableMessageRow>
          ) : rows.length === 0 ? (
            <TableMessageRow colSpan={COLUMNS}>
              <EmptyState title={t('audit.empty')} />
            </TableMessageRow>
          ) : (
            rows.map((entry, index) => (
              <TableRow key={entry.id ?? index} data-testid="audit-row">
                <TableCell className="whitespace-nowrap tabular-nums">
                  <time dateTime={entry.occurredAt}>{formatInstant(entry.occurredAt, lang)}</time>
                </TableCell>
                <TableCell className="text-xs" title={entry.username} data-testid="audit-user">
                  {entry.userDisplayName ?? entry.username}
                </TableCell>
                <TableCell className="text-xs">{roleLabels(entry.roles)}</TableCell>
                {/* codes and ids only as tooltips: no raw code on the screen (issue 15) */}
                <TableCell className="text-xs" title={entry.action} data-testid="audit-action">
                  {auditActionLabel(entry.action, t)}
                </TableCell>
                <TableCell className="text-xs" title={entry.resourceId ?? undefined}>
                  {auditResourceLabel(entry.resourceType, t)}
                </TableCell>
                <TableCell className="text-xs">
                  {entry.patientId ? (
                    <Link to={`/patients/${entry.patientId}`} title={entry.patientId} className="text-sky-800 underline" data-testid="audit-patient">
                      {entry.patientName ? `${entry.patientName} (${entry.patientMrn ?? ''})` : t('audit.openChart')}
                    </Link>
                  ) : null}
                </TableCell>
                <TableCell className="font-mono text-xs" title={entry.userAgent}>
                  {entry.ip}
                </TableCell>
                <TableCell>
                  <OutcomeBadge outcome={entry.outcome} />
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <Pagination page={audit.data?.page} onPageChange={setPage} />
    </div>
  );
}
