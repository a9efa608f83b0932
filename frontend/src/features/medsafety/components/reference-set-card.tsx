import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { problemMessage } from '../../../lib/problem-message';
import { useKbReferenceSet } from '../api/get-kb-reference-set';

const percent = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(1)} %`);

/** The KB page's reference-set figures (issue 14 item 8): per type and category, measured on the KB version shown. */
export function ReferenceSetCard() {
  const { t } = useTranslation();
  const report = useKbReferenceSet();
  return (
    <Card data-testid="kb-reference-set">
      <CardHeader>
        <CardTitle>{t('medsafety.kb.referenceSet.title')}</CardTitle>
      </CardHeader>
      <CardContent>
        {report.isError ? <Alert tone="error">{problemMessage(report.error, t)}</Alert> : null}
        {report.isPending ? <Spinner /> : null}
        {report.data ? (
          <div className="space-y-2">
            <p className="text-sm text-slate-700" data-testid="kb-reference-set-version">
              {t('medsafety.kb.referenceSet.measuredOn', {
                version: report.data.kbVersion,
                pairs: report.data.pairs,
                allergies: report.data.allergyScenarios,
              })}
            </p>
            {(report.data.figures ?? []).length === 0 ? (
              <EmptyState title={t('medsafety.kb.referenceSet.none')} />
            ) : (
              <Table>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>{t('medsafety.kb.referenceSet.type')}</TableHeaderCell>
                    <TableHeaderCell>{t('medsafety.kb.referenceSet.category')}</TableHeaderCell>
                    <TableHeaderCell>{t('medsafety.kb.referenceSet.cases')}</TableHeaderCell>
                    <TableHeaderCell>{t('medsafety.kb.referenceSet.sensitivity')}</TableHeaderCell>
                    <TableHeaderCell>{t('medsafety.kb.referenceSet.specificity')}</TableHeaderCell>
                    <TableHeaderCell>{t('medsafety.kb.referenceSet.interrupted')}</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(report.data.figures ?? []).map((f) => (
                    <TableRow key={`${f.type}-${f.category}`} data-testid="kb-reference-set-row">
                      <TableCell>{t(`medsafety.kb.referenceSet.types.${f.type}`)}</TableCell>
                      <TableCell>{t(`medsafety.kb.referenceSet.categories.${f.category}`)}</TableCell>
                      <TableCell className="text-right tabular-nums">{f.cases}</TableCell>
                      <TableCell className="text-right tabular-nums">{percent(f.sensitivity)}</TableCell>
                      <TableCell className="text-right tabular-nums">{percent(f.specificity)}</TableCell>
                      <TableCell className="text-right tabular-nums">{percent(f.interruptedShare)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <p className="text-xs text-slate-500">{t('medsafety.kb.referenceSet.note')}</p>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
