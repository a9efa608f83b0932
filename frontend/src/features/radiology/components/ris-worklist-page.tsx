import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { PageHeader } from '../../../components/ui/page-header';
import { Pagination } from '../../../components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableMessageRow, TableRow } from '../../../components/ui/table';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import { useRisWorklist } from '../api/get-ris-worklist';
import { reportStatusLabel, waitingLabel } from '../lib/labels';

const URGENT = ['EMERGENCY', 'STAT'];

/**
 * /radiology: acquired studies awaiting their report, most urgent first, then the longest waiting (the server
 * sorts). Refreshed live by the `order` push (a study acquired, a report signed) and every 30 s as a fallback.
 */
export function RisWorklistPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(0);
  const worklist = useRisWorklist(page);
  const rows = worklist.data?.content ?? [];
  return (
    <div data-testid="ris-worklist-page">
      <PageHeader
        title={t('radiology.worklist.title')}
        description={t('radiology.worklist.description')}
        actions={
          <Link to="/imaging/reconciliation" className="text-sm text-sky-700 hover:underline" data-testid="open-reconciliation">
            {t('imaging.reconciliation.title')}
          </Link>
        }
      />
      {worklist.isError ? (
        <Alert tone="error" className="mb-4">
          {problemMessage(worklist.error, t)}
        </Alert>
      ) : null}
      <Table data-testid="ris-worklist">
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t('radiology.columns.priority')}</TableHeaderCell>
            <TableHeaderCell>{t('radiology.columns.patient')}</TableHeaderCell>
            <TableHeaderCell>{t('radiology.columns.procedure')}</TableHeaderCell>
            <TableHeaderCell>{t('radiology.columns.indication')}</TableHeaderCell>
            <TableHeaderCell>{t('radiology.columns.acquired')}</TableHeaderCell>
            <TableHeaderCell>{t('radiology.columns.waiting')}</TableHeaderCell>
            <TableHeaderCell>{t('radiology.columns.report')}</TableHeaderCell>
            <TableHeaderCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {worklist.isPending ? <TableMessageRow colSpan={8}>{t('common.loading')}</TableMessageRow> : null}
          {!worklist.isPending && rows.length === 0 ? (
            <TableMessageRow colSpan={8}>
              <span data-testid="ris-worklist-empty">{t('radiology.worklist.empty')}</span>
            </TableMessageRow>
          ) : null}
          {rows.map((item) => (
            <TableRow key={item.orderId} data-testid="ris-worklist-row" data-order-number={item.orderNumber}>
              <TableCell>
                <Badge tone={URGENT.includes(item.priority ?? '') ? 'danger' : item.priority === 'URGENT' ? 'warning' : 'neutral'}>
                  {t(`orders.priority.${item.priority}`)}
                </Badge>
              </TableCell>
              <TableCell>
                <div className="font-medium">{item.patientName}</div>
                <div className="text-xs text-slate-500">{item.patientMrn}</div>
              </TableCell>
              <TableCell>
                <div>{item.procedure}</div>
                <div className="text-xs text-slate-500">{item.orderNumber}</div>
              </TableCell>
              <TableCell className="max-w-xs truncate" title={item.indication ?? ''}>
                {item.indication ?? '—'}
              </TableCell>
              <TableCell className="tabular-nums">{formatInstant(item.acquiredAt, i18n.language)}</TableCell>
              <TableCell className={item.overdue ? 'text-rose-700' : undefined}>{waitingLabel(item.waitingMinutes, t)}</TableCell>
              <TableCell>
                <span data-testid="ris-worklist-report-status">{reportStatusLabel(item.reportStatus, 0, t)}</span>
                {item.critical ? (
                  <Badge tone="danger" className="ml-1">
                    {t('radiology.critical')}
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell>
                <Link to={`/radiology/orders/${item.orderId}`} className="text-sky-700 hover:underline" data-testid="ris-worklist-open">
                  {t('radiology.worklist.read')}
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className="mt-3">
        <Pagination page={worklist.data?.page} onPageChange={setPage} />
      </div>
    </div>
  );
}
