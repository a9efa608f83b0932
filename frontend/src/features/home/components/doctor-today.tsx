import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { Alert } from '../../../components/ui/alert';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant, hospitalDay } from '../../../lib/time';
import type { AppointmentView, OrderView } from '../../../types/api';
import { useMyOrdersIn, useTodayAppointments } from '../api/get-doctor-today';
import { orderItemText } from '../../../lib/order-item-text';

const LIST_SIZE = 10;

/** Today's clinic list, pending results and unsent orders of the signed-in doctor: the doctor's home (issue 15 item 6). */
export function DoctorToday({ doctorId, today }: { doctorId: string; today?: Date }) {
  const { t } = useTranslation();
  const appointments = useTodayAppointments(hospitalDay(today ?? new Date()), doctorId);
  const unsent = useMyOrdersIn('PENDING', LIST_SIZE);
  const sent = useMyOrdersIn('SENT', LIST_SIZE);
  const inProgress = useMyOrdersIn('IN_PROGRESS', LIST_SIZE);
  const waiting = [...(sent.data?.content ?? []), ...(inProgress.data?.content ?? [])].sort((a, b) =>
    (a.createdAt ?? '').localeCompare(b.createdAt ?? ''),
  );
  const waitingTotal = (sent.data?.page?.totalElements ?? 0) + (inProgress.data?.page?.totalElements ?? 0);
  const visits = (appointments.data ?? []).filter((a) => a.status !== 'CANCELLED');
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3" data-testid="doctor-today">
      <HomeList
        testId="home-today-patients"
        title={t('home.today.patients', { count: visits.length })}
        empty={t('home.today.noPatients')}
        query={appointments}
        rows={visits}
        render={(a: AppointmentView) => (
          <li key={a.id} className="flex flex-wrap items-baseline gap-x-2 py-1.5">
            <span className="tabular-nums text-slate-500">{(a.localStart ?? '').slice(11, 16)}</span>
            <Link to={a.patientId ? `/patients/${a.patientId}` : '#'} className="font-medium text-sky-800 underline">
              {a.patientName}
            </Link>
            <span className="font-mono text-xs text-slate-500">{a.patientMrn}</span>
            <span className="ml-auto text-xs text-slate-600">{t(`scheduling.status.${a.status}`, { defaultValue: '' })}</span>
          </li>
        )}
      />
      <HomeList
        testId="home-unsent-orders"
        title={t('home.today.unsentOrders', { count: unsent.data?.page?.totalElements ?? 0 })}
        empty={t('home.today.noUnsentOrders')}
        query={unsent}
        rows={unsent.data?.content ?? []}
        render={(o: OrderView) => <OrderRow key={o.id} order={o} />}
      />
      <HomeList
        testId="home-pending-results"
        title={t('home.today.pendingResults', { count: waitingTotal })}
        empty={t('home.today.noPendingResults')}
        query={sent.isError ? sent : inProgress}
        rows={waiting.slice(0, LIST_SIZE)}
        render={(o: OrderView) => <OrderRow key={o.id} order={o} />}
      />
    </div>
  );
}

function OrderRow({ order }: { order: OrderView }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="py-1.5">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <Link to={`/orders/${order.id}`} className="font-medium text-sky-800 underline">
          {order.patientName}
        </Link>
        <span className="text-xs text-slate-600">{t(`orders.type.${order.type}`, { defaultValue: '' })}</span>
        {order.overdue ? <span className="rounded bg-rose-100 px-1.5 text-xs text-rose-900">{t('orders.overdue')}</span> : null}
      </div>
      <div className="text-xs text-slate-600">
        {orderItemText(order, t, i18n.language)} · <time dateTime={order.createdAt}>{formatInstant(order.createdAt, i18n.language)}</time>
      </div>
    </li>
  );
}

interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

function HomeList<T>({
  testId,
  title,
  empty,
  query,
  rows,
  render,
}: {
  testId: string;
  title: string;
  empty: string;
  query: ListQuery;
  rows: T[];
  render: (row: T) => React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <Spinner />
        ) : query.isError ? (
          <Alert tone="error">{problemMessage(query.error, t)}</Alert>
        ) : rows.length === 0 ? (
          <EmptyState title={empty} />
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">{rows.map(render)}</ul>
        )}
      </CardContent>
    </Card>
  );
}
