import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PatientBanner } from '../../../components/patient/patient-banner';
import { SafetyAlertList } from '../../../components/safety/safety-alert-list';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Input } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import type { OrderDetailView, OrderType } from '../../../types/api';
import { useCreateOrder } from '../api/create-order';
import { usePatient } from '../api/get-patient';
import { newIdempotencyKey } from '../api/order-mutation';
import { usePatientSearch } from '../api/search-patients';
import { orderItemText } from '../../../lib/order-item-text';
import { OrderFormCard } from './order-form-card';
import { SendOrderButton } from './send-order-button';
import { Alert } from '../../../components/ui/alert';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';

/**
 * /patients/:id/orders/new (and /orders/new, which first asks for the patient): the doctor's order entry. After
 * create the medication-safety alerts are shown and the order can be sent (with the override dialog when blocked).
 */
export function OrderEntryPage() {
  const { t } = useTranslation();
  const params = useParams();
  const [patientId, setPatientId] = useState(params.id ?? '');
  const patient = usePatient(patientId || undefined);
  const [created, setCreated] = useState<OrderDetailView | undefined>();

  return (
    <div data-testid="order-entry-page" className="space-y-4">
      <Link to={params.id ? `/patients/${params.id}` : '/orders'} className="inline-block text-sm text-sky-700 hover:underline">
        ← {params.id ? t('orders.entry.backToPatient') : t('orders.entry.backToOrders')}
      </Link>
      <PatientBanner patientId={patientId || undefined} />
      <PageHeader
        title={t('orders.entry.title')}
        description={
          patient.data ? (
            <span data-testid="order-patient">
              {patient.data.name} · {patient.data.mrn}
            </span>
          ) : undefined
        }
      />
      {!patientId ? <PatientChooser onPick={setPatientId} /> : null}
      {patientId && !created ? <NewOrderForm patientId={patientId} onCreated={setCreated} /> : null}
      {created ? <CreatedCard order={created} onAnother={() => setCreated(undefined)} /> : null}
    </div>
  );
}

function PatientChooser({ onPick }: { onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const result = usePatientSearch(q);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('orders.entry.choosePatient')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            setQ(text.trim());
          }}
        >
          <Input aria-label={t('orders.entry.patientSearch')} data-testid="order-patient-search" value={text} onChange={(event) => setText(event.target.value)} placeholder={t('orders.entry.patientSearch')} />
          <Button type="submit" variant="secondary">
            {t('common.search')}
          </Button>
        </form>
        {result.isFetching ? <Spinner /> : null}
        {result.isError ? <Alert tone="error">{problemMessage(result.error, t)}</Alert> : null}
        {result.isSuccess && (result.data.content ?? []).length === 0 ? <EmptyState title={t('patientSearch.noResults')} /> : null}
        <ul className="divide-y divide-slate-100">
          {(result.data?.content ?? []).map((p) => (
            <li key={p.id}>
              <button type="button" className="w-full px-2 py-2 text-left text-sm hover:bg-sky-50" data-testid={`order-patient-option-${p.id}`} onClick={() => p.id && onPick(p.id)}>
                <span className="font-medium">{p.name}</span> <span className="text-slate-500">{p.mrn}</span>
              </button>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function NewOrderForm({ patientId, onCreated }: { patientId: string; onCreated: (order: OrderDetailView) => void }) {
  const { t } = useTranslation();
  const create = useCreateOrder();
  return (
    <OrderFormCard
      patientId={patientId}
      submitLabel={t('orders.entry.create')}
      submitTestId="order-create"
      pending={create.isPending}
      error={create.error ?? undefined}
      onSave={(form, onError) => create.mutate({ form, key: newIdempotencyKey() }, { onSuccess: onCreated, onError })}
    />
  );
}

function CreatedCard({ order, onAnother }: { order: OrderDetailView; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const id = order.order?.id ?? '';
  const medication = order.order?.type === ('MEDICATION' satisfies OrderType);
  return (
    <Card data-testid="order-created">
      <CardHeader>
        <CardTitle>
          {t('orders.entry.created', { number: order.order?.orderNumber })} — {orderItemText(order.order, t, i18n.language)}
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {medication ? (
          <div>
            <h3 className="mb-2 text-sm font-semibold">{t('orders.entry.safety')}</h3>
            <SafetyAlertList alerts={order.safety?.alerts} />
          </div>
        ) : null}
        <p className="text-sm text-slate-600">{t('orders.entry.pendingHint')}</p>
        <div className="flex flex-wrap items-start gap-2">
          <SendOrderButton orderId={id} onSent={() => navigate(`/orders/${id}`)} />
          <Button variant="secondary" asChild>
            <Link to={`/orders/${id}`} data-testid="order-open-detail">
              {t('orders.entry.openDetail')}
            </Link>
          </Button>
          <Button variant="ghost" onClick={onAnother}>
            {t('orders.entry.another')}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
