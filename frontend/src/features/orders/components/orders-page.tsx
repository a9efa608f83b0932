import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Label } from '../../../components/ui/label';
import { PageHeader } from '../../../components/ui/page-header';
import { Pagination } from '../../../components/ui/pagination';
import { Select } from '../../../components/ui/select';
import { pageParam, PAGE_SIZE } from '../../../lib/query-params';
import { problemMessage } from '../../../lib/problem-message';
import type { OrderStatus, OrderType } from '../../../types/api';
import { useOrders } from '../api/list-orders';
import { useMyOrders } from '../api/list-my-orders';
import { ORDER_TYPES, STATUSES } from '../lib/enums';
import { OrdersTable } from './orders-table';

/**
 * /orders: a doctor's own orders ("My orders", with "New order"), or for the care team and administrators every
 * order they may see (read-only). Filters live in the URL; a pushed `order` event refetches the page.
 */
export function OrdersPage({ mine }: { mine: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const type = (params.get('type') || undefined) as OrderType | undefined;
  const status = (params.get('status') || undefined) as OrderStatus | undefined;
  const page = pageParam(params.get('page'));
  const search = { type, status, page, size: PAGE_SIZE };
  const myOrders = useMyOrders(search, mine);
  const allOrders = useOrders(search, !mine);
  const orders = mine ? myOrders : allOrders;

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };

  return (
    <div data-testid="orders-page">
      <PageHeader
        title={mine ? t('orders.mine.title') : t('orders.all.title')}
        description={mine ? t('orders.mine.description') : t('orders.all.description')}
        actions={
          mine ? (
            <Button asChild>
              <Link to="/orders/new" data-testid="new-order">
                {t('orders.actions.new')}
              </Link>
            </Button>
          ) : undefined
        }
      />
      <div className="mb-4 flex flex-wrap gap-4">
        <div className="w-48 space-y-1">
          <Label htmlFor="orders-type">{t('orders.fields.type')}</Label>
          <Select id="orders-type" data-testid="orders-filter-type" value={type ?? ''} onChange={(e) => setParam('type', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {ORDER_TYPES.map((v) => (
              <option key={v} value={v}>
                {t(`orders.type.${v}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="w-48 space-y-1">
          <Label htmlFor="orders-status">{t('orders.fields.status')}</Label>
          <Select id="orders-status" data-testid="orders-filter-status" value={status ?? ''} onChange={(e) => setParam('status', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {STATUSES.map((v) => (
              <option key={v} value={v}>
                {t(`orders.status.${v}`)}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {orders.isError ? (
        <Alert tone="error" className="mb-4">
          {problemMessage(orders.error, t)}
        </Alert>
      ) : null}
      <OrdersTable orders={orders.data?.content ?? []} loading={orders.isPending} emptyTitle={t('orders.empty')} testId="orders-table" />
      <Pagination page={orders.data?.page} onPageChange={(p) => setParam('page', String(p))} />
    </div>
  );
}
