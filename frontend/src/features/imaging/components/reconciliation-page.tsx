import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableMessageRow, TableRow } from '../../../components/ui/table';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import { useReconciliation } from '../api/reconciliation';

function overdueText(minutes: number, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (minutes < 60) return t('imaging.reconciliation.minutes', { count: minutes });
  if (minutes < 48 * 60) return t('imaging.reconciliation.hours', { count: Math.floor(minutes / 60) });
  return t('imaging.reconciliation.days', { count: Math.floor(minutes / (24 * 60)) });
}

/**
 * /imaging/reconciliation (radiographers, radiologists): imaging orders past their due time whose study has not
 * arrived, and studies in the archive that no order asked for — each with its patient, to chase or link.
 */
export function ReconciliationPage() {
  const { t, i18n } = useTranslation();
  const view = useReconciliation();
  const overdue = view.data?.overdueOrders ?? [];
  const studies = view.data?.studiesWithoutOrder ?? [];
  return (
    <div className="space-y-4" data-testid="reconciliation-page">
      <PageHeader title={t('imaging.reconciliation.title')} description={t('imaging.reconciliation.description')} />
      {view.isError ? <Alert tone="error">{problemMessage(view.error, t)}</Alert> : null}
      <Card>
        <CardHeader>
          <CardTitle>{t('imaging.reconciliation.overdueTitle')}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table data-testid="reconciliation-overdue">
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t('imaging.reconciliation.patient')}</TableHeaderCell>
                <TableHeaderCell>{t('imaging.reconciliation.order')}</TableHeaderCell>
                <TableHeaderCell>{t('imaging.reconciliation.procedure')}</TableHeaderCell>
                <TableHeaderCell>{t('imaging.reconciliation.accession')}</TableHeaderCell>
                <TableHeaderCell>{t('imaging.reconciliation.due')}</TableHeaderCell>
                <TableHeaderCell>{t('imaging.reconciliation.overdue')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {view.isPending ? <TableMessageRow colSpan={6}>{t('common.loading')}</TableMessageRow> : null}
              {!view.isPending && overdue.length === 0 ? (
                <TableMessageRow colSpan={6}>{t('imaging.reconciliation.noOverdue')}</TableMessageRow>
              ) : null}
              {overdue.map((o) => (
                <TableRow key={o.orderId} data-testid="reconciliation-overdue-row">
                  <TableCell>
                    <Link to={`/patients/${o.patientId}`} className="text-sky-700 hover:underline">
                      {o.patientName ?? t('imaging.reconciliation.unknownPatient')}
                    </Link>{' '}
                    <span className="text-slate-500">{o.patientMrn}</span>
                  </TableCell>
                  <TableCell>{o.orderNumber}</TableCell>
                  <TableCell>{o.procedure}</TableCell>
                  <TableCell>{o.accessionNumber}</TableCell>
                  <TableCell>{formatInstant(o.dueAt, i18n.language)}</TableCell>
                  <TableCell>{overdueText(o.overdueMinutes ?? 0, t)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('imaging.reconciliation.studiesTitle')}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table data-testid="reconciliation-studies">
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t('imaging.reconciliation.patient')}</TableHeaderCell>
                <TableHeaderCell>{t('imaging.reconciliation.study')}</TableHeaderCell>
                <TableHeaderCell>{t('imaging.reconciliation.accession')}</TableHeaderCell>
                <TableHeaderCell>{t('imaging.reconciliation.received')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {!view.isPending && studies.length === 0 ? (
                <TableMessageRow colSpan={4}>{t('imaging.reconciliation.noStudies')}</TableMessageRow>
              ) : null}
              {studies.map((s) => (
                <TableRow key={s.studyId} data-testid="reconciliation-study-row">
                  <TableCell>
                    {s.patientId ? (
                      <Link to={`/patients/${s.patientId}/imaging`} className="text-sky-700 hover:underline">
                        {s.patientName ?? t('imaging.reconciliation.unknownPatient')}
                      </Link>
                    ) : (
                      <span className="text-amber-700">{t('imaging.reconciliation.notLinked')}</span>
                    )}{' '}
                    <span className="text-slate-500">{s.patientMrn}</span>
                  </TableCell>
                  <TableCell>
                    <Link to={`/imaging/studies/${s.studyId}`} className="text-sky-700 hover:underline">
                      {[s.studyDate, s.description || t('imaging.untitled')].filter(Boolean).join(' · ')}
                    </Link>
                  </TableCell>
                  <TableCell>{s.accessionNumber ?? '—'}</TableCell>
                  <TableCell>{formatInstant(s.receivedAt, i18n.language)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
