import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PatientBanner } from '../../../components/patient/patient-banner';
import { Alert } from '../../../components/ui/alert';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { toApiProblem } from '../../../lib/api-client';
import type { OrderDetailView, OrderForm } from '../../../types/api';
import { orderQueryOptions, useOrder } from '../api/get-order';
import { newIdempotencyKey } from '../api/order-mutation';
import { useReviseOrder } from '../api/revise-order';
import { useUpdateOrder } from '../api/update-order';
import { doctorActions } from '../lib/order-actions';
import { orderFormValues } from '../lib/order-form';
import type { SavedOrderState } from '../lib/saved-order-state';
import { OrderFormCard } from './order-form-card';
import { OrderLoadError } from './order-load-error';

export type OrderChangeMode = 'edit' | 'revise';

const savedState = (saved: OrderDetailView): { state?: SavedOrderState } =>
  saved.safety && saved.order?.id ? { state: { savedOrderId: saved.order.id, safety: saved.safety } } : {};

/**
 * /orders/:id/edit and /orders/:id/revise: the order form prefilled with the order's content. An edit saves the
 * pending order in place at the version the form was filled from (a stale version reloads the form with the current
 * order); a revision saves a new order that replaces this one and opens it. Only the ordering doctor gets the form.
 */
export function OrderChangePage({ mode, roles, userId }: { mode: OrderChangeMode; roles: readonly string[]; userId: string | undefined }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useOrder(id);
  const data = detail.data;
  const order = data?.order;
  const actions = doctorActions(data, userId, roles);
  const allowed = mode === 'edit' ? actions.edit : actions.revise;

  return (
    <div data-testid="order-change-page" data-mode={mode} className="space-y-4">
      <Link to={`/orders/${encodeURIComponent(id)}`} className="inline-block text-sm text-sky-700 hover:underline">
        ← {t('orders.change.back')}
      </Link>
      {detail.isPending ? <Spinner className="py-12" /> : null}
      {detail.isError ? <OrderLoadError error={detail.error} /> : null}
      {data && order ? (
        <>
          <PatientBanner patientId={order.patientId} fallback={{ name: order.patientName, mrn: order.patientMrn }} />
          <PageHeader
            title={t(`orders.change.${mode}.title`, { number: order.orderNumber })}
            description={<span data-testid="order-change-type">{order.type ? t(`orders.type.${order.type}`) : ''}</span>}
          />
          {allowed ? (
            mode === 'edit' ? (
              <EditOrder detail={data} />
            ) : (
              <ReviseOrder detail={data} />
            )
          ) : (
            <Alert tone="warning" data-testid="order-change-not-allowed">
              {notAllowedReason(mode, data, actions.mine, t)}
              {mode === 'edit' && actions.revise ? (
                <Link to={`/orders/${encodeURIComponent(id)}/revise`} className="ml-2 font-medium underline" data-testid="order-change-revise-instead">
                  {t('orders.actions.revise')}
                </Link>
              ) : null}
            </Alert>
          )}
        </>
      ) : null}
    </div>
  );
}

function notAllowedReason(mode: OrderChangeMode, data: OrderDetailView, mine: boolean, t: TFunction): string {
  if (!mine) return t('orders.change.notYours');
  if (mode === 'edit') return t('orders.change.notPending');
  return t('orders.change.alreadyReplaced', { number: data.replacedBy?.[0]?.orderNumber ?? '' });
}

function EditOrder({ detail }: { detail: OrderDetailView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useUpdateOrder();
  const id = detail.order?.id ?? '';
  // The content and version the form was filled from; replaced only after a stale save, never by a background refetch.
  const [base, setBase] = useState(detail);
  const [stale, setStale] = useState(false);

  const save = (form: OrderForm, onError: (error: unknown) => void) => {
    setStale(false);
    update.mutate(
      { id, body: { version: base.order?.version ?? 0, order: form } },
      {
        onSuccess: (saved) => void navigate(`/orders/${encodeURIComponent(id)}`, savedState(saved)),
        onError: async (error) => {
          if (toApiProblem(error).code !== 'stale-version') {
            onError(error);
            return;
          }
          const current = await queryClient.fetchQuery({ ...orderQueryOptions(id), staleTime: 0 });
          setBase(current);
          setStale(true);
        },
      },
    );
  };

  return (
    <div className="space-y-3">
      {stale ? (
        <Alert tone="warning" data-testid="order-stale">
          {t('orders.change.stale')}
        </Alert>
      ) : null}
      <p className="text-sm text-slate-600">{t('orders.change.edit.description')}</p>
      <OrderFormCard
        key={base.order?.version}
        patientId={base.order?.patientId ?? ''}
        initial={orderFormValues(base)}
        typeLocked
        submitLabel={t('orders.change.edit.submit')}
        submitTestId="order-save"
        pending={update.isPending}
        error={stale ? undefined : (update.error ?? undefined)}
        onSave={save}
        onDiscard={() => void navigate(`/orders/${encodeURIComponent(id)}`)}
      />
    </div>
  );
}

function ReviseOrder({ detail }: { detail: OrderDetailView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const revise = useReviseOrder();
  const order = detail.order;
  const id = order?.id ?? '';
  const final = order?.status === 'COMPLETED' || order?.status === 'CANCELLED';
  // filled once: a push that refreshes the order does not overwrite what the doctor is typing
  const [initial] = useState(() => orderFormValues(detail));
  return (
    <div className="space-y-3">
      <Alert tone="info" data-testid="order-revise-explained">
        {final
          ? t('orders.change.revise.descriptionFinal', { number: order?.orderNumber, status: order?.status ? t(`orders.status.${order.status}`) : '' })
          : t('orders.change.revise.descriptionOpen', { number: order?.orderNumber })}
      </Alert>
      <OrderFormCard
        patientId={order?.patientId ?? ''}
        initial={initial}
        typeLocked
        submitLabel={t('orders.change.revise.submit')}
        submitTestId="order-revise-submit"
        pending={revise.isPending}
        error={revise.error ?? undefined}
        onSave={(form, onError) =>
          revise.mutate(
            { id, form, key: newIdempotencyKey() },
            { onSuccess: (created) => void navigate(`/orders/${encodeURIComponent(created.order?.id ?? '')}`, savedState(created)), onError },
          )
        }
        onDiscard={() => void navigate(`/orders/${encodeURIComponent(id)}`)}
      />
    </div>
  );
}
