import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableMessageRow, TableRow } from '../../../components/ui/table';
import { Spinner } from '../../../components/ui/spinner';
import { cn } from '../../../lib/cn';
import { formatInstant } from '../../../lib/time';
import type { OrderView } from '../../../types/api';
import { isOverdue } from '../lib/worklist';
import { orderItemText } from '../../../lib/order-item-text';
import { Badge } from '../../../components/ui/badge';
import { OrderStatusBadge, OverdueBadge, PriorityBadge } from './order-badges';

/** Orders as rows: number (link to the detail), patient, what, priority, status, due time; overdue rows in red. */
export function OrdersTable({
  orders,
  loading,
  emptyTitle,
  testId,
  actions,
}: {
  orders: readonly OrderView[];
  loading?: boolean;
  emptyTitle: string;
  testId: string;
  actions?: (order: OrderView) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const columns = actions ? 8 : 7;
  return (
    <Table data-testid={testId}>
      <TableHead>
        <tr>
          <TableHeaderCell>{t('orders.columns.number')}</TableHeaderCell>
          <TableHeaderCell>{t('orders.columns.patient')}</TableHeaderCell>
          <TableHeaderCell>{t('orders.columns.type')}</TableHeaderCell>
          <TableHeaderCell>{t('orders.columns.summary')}</TableHeaderCell>
          <TableHeaderCell>{t('orders.columns.priority')}</TableHeaderCell>
          <TableHeaderCell>{t('orders.columns.status')}</TableHeaderCell>
          <TableHeaderCell>{t('orders.columns.due')}</TableHeaderCell>
          {actions ? <TableHeaderCell>{t('orders.columns.actions')}</TableHeaderCell> : null}
        </tr>
      </TableHead>
      <TableBody>
        {loading ? (
          <TableMessageRow colSpan={columns}>
            <Spinner />
          </TableMessageRow>
        ) : orders.length === 0 ? (
          <TableMessageRow colSpan={columns}>
            <EmptyState title={emptyTitle} />
          </TableMessageRow>
        ) : (
          orders.map((order) => {
            const overdue = isOverdue(order);
            return (
              <TableRow
                key={order.id}
                data-testid="order-row"
                data-order-id={order.id}
                data-order-number={order.orderNumber}
                data-status={order.status}
                data-overdue={overdue}
                className={cn(overdue && 'bg-rose-50')}
              >
                <TableCell className="whitespace-nowrap font-mono text-xs">
                  <Link to={`/orders/${order.id}`} className="text-sky-700 hover:underline" data-testid="order-link">
                    {order.orderNumber}
                  </Link>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {order.patientName} <span className="text-xs text-slate-500">{order.patientMrn}</span>
                </TableCell>
                <TableCell className="whitespace-nowrap">{order.type ? t(`orders.type.${order.type}`) : ''}</TableCell>
                <TableCell data-testid="order-summary">
                  {orderItemText(order, t, i18n.language)}
                  {order.overridden ? (
                    <Badge tone="warning" className="ml-2" data-testid="order-overridden" title={t('orders.verification.overriddenHint')}>
                      ⚠ {t('orders.verification.overridden')}
                    </Badge>
                  ) : null}
                  {order.messages ? (
                    <Badge tone="info" className="ml-2" data-testid="order-messages">
                      {t('orders.thread.count', { count: order.messages })}
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell>
                  <PriorityBadge priority={order.priority} />
                </TableCell>
                <TableCell>
                  <OrderStatusBadge status={order.status} />
                </TableCell>
                <TableCell className={cn('whitespace-nowrap', overdue && 'font-semibold text-rose-700')}>
                  {formatInstant(order.dueAt, i18n.language)}
                  {overdue ? (
                    <div>
                      <OverdueBadge />
                    </div>
                  ) : null}
                </TableCell>
                {actions ? <TableCell className="whitespace-nowrap">{actions(order)}</TableCell> : null}
              </TableRow>
            );
          })
        )}
      </TableBody>
    </Table>
  );
}
