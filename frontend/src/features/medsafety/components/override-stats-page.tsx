import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableMessageRow, TableRow } from '../../../components/ui/table';
import { problemMessage } from '../../../lib/problem-message';
import { useOverrideStats } from '../api/list-override-stats';

const COLUMNS = 6;

/** /admin/medsafety: per rule how often its alert was shown and overridden; rules overridden > 90 % of ≥ 20 are flagged. */
export function OverrideStatsPage() {
  const { t, i18n } = useTranslation();
  const stats = useOverrideStats();
  const rows = stats.data ?? [];
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });

  return (
    <div data-testid="override-stats-page">
      <PageHeader title={t('medsafetyAdmin.title')} description={t('medsafetyAdmin.description')} />
      {stats.isError ? (
        <Alert tone="error" className="mb-4">
          {problemMessage(stats.error, t)}
        </Alert>
      ) : null}
      <Table data-testid="override-stats-table" aria-busy={stats.isFetching}>
        <caption className="sr-only">{t('medsafetyAdmin.title')}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t('medsafetyAdmin.columns.rule')}</TableHeaderCell>
            <TableHeaderCell>{t('medsafetyAdmin.columns.shown')}</TableHeaderCell>
            <TableHeaderCell>{t('medsafetyAdmin.columns.overridden')}</TableHeaderCell>
            <TableHeaderCell>{t('medsafetyAdmin.columns.rate')}</TableHeaderCell>
            <TableHeaderCell>{t('medsafetyAdmin.columns.reasons')}</TableHeaderCell>
            <TableHeaderCell>{t('medsafetyAdmin.columns.review')}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {stats.isPending ? (
            <TableMessageRow colSpan={COLUMNS}>
              <Spinner />
            </TableMessageRow>
          ) : rows.length === 0 ? (
            <TableMessageRow colSpan={COLUMNS}>
              <EmptyState title={t('medsafetyAdmin.empty')} />
            </TableMessageRow>
          ) : (
            rows.map((row) => (
              <TableRow key={row.ruleId} data-testid="override-row" data-rule-id={row.ruleId}>
                <TableCell className="text-xs">
                  {/* the rule by its drugs (or its kind); the rule id only as a tooltip (issue 15) */}
                  <span className="block font-medium" title={row.ruleId} data-testid="override-rule">
                    {row.drugs && row.drugs.length > 0
                      ? row.drugs.join(' + ')
                      : t('medsafetyAdmin.ruleOfType', { type: row.alertType ? t(`medsafety.type.${row.alertType}`) : '' })}
                  </span>
                  <span className="text-slate-500">
                    {row.alertType ? t(`medsafety.type.${row.alertType}`) : null}
                    {row.severity ? ` · ${t(`medsafety.severity.${row.severity}`)}` : null}
                  </span>
                </TableCell>
                <TableCell className="tabular-nums" data-testid="override-shown">
                  {row.timesShown}
                </TableCell>
                <TableCell className="tabular-nums" data-testid="override-count">
                  {row.timesOverridden}
                </TableCell>
                <TableCell className="tabular-nums">{percent.format(row.overrideRate ?? 0)}</TableCell>
                <TableCell className="text-xs">
                  {(row.topReasons ?? []).map((reason) => (
                    <span key={reason.reasonCode} className="block">
                      {t(`medsafety.override.${reason.reasonCode}`)} ({reason.count})
                    </span>
                  ))}
                </TableCell>
                <TableCell>
                  {row.flagged ? (
                    <Badge tone="danger" data-testid="override-flagged">
                      {t('medsafetyAdmin.flagged')}
                    </Badge>
                  ) : null}
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <p className="mt-3 text-xs text-slate-500">{t('medsafetyAdmin.flagRule')}</p>
    </div>
  );
}
