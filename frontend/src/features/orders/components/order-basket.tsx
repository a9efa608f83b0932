import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { problemMessage } from '../../../lib/problem-message';
import { toApiProblem } from '../../../lib/api-client';
import { callCdsService, fetchPrefetch } from '../api/cds-hooks';
import { cancelOrder } from '../api/cancel-order';
import { createOrder } from '../api/create-order';
import { newIdempotencyKey } from '../api/order-mutation';
import { ordersQueryKey } from '../api/order-keys';
import { sendOrder } from '../api/send-order';
import { useLabTests } from '../api/search-lab-tests';
import { CDS_SERVICE, cdsRequest, isInterruptive, needsDecision, sendBody, type BasketItem, type CdsCard } from '../lib/basket';
import { labTestName } from '../lib/lab-flags';
import { templateOf } from '../lib/order-templates';
import { useAddFavourite } from '../api/order-templates';
import type { OrderFormValues } from '../lib/order-form';
import { BasketAlertDialog } from './basket-alert-dialog';
import { BasketTemplates } from './basket-templates';
import { OrderFormCard } from './order-form-card';

/**
 * The visit's order basket (ADR 0033): the doctor adds medication, lab, imaging and tissue orders with the order
 * form; each drug is checked by our CDS Hooks `order-select` service as it is added (prefetch from our `/fhir`), and
 * its alerts ask to remove it, change it or override with a reason. "Sign all" asks `order-sign` per drug, then
 * creates and sends each order through the orders API, whose safety check on send decides. An order the server
 * refuses to send is cancelled at once and stays in the basket with the reason: no pending order is left behind.
 */
export function OrderBasket({ patientId, userId }: { patientId: string; userId?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<BasketItem[]>([]);
  const [seed, setSeed] = useState<{ n: number; values?: OrderFormValues }>({ n: 0 });
  const [checking, setChecking] = useState(false);
  const [checkFailed, setCheckFailed] = useState(false);
  const [dialogKey, setDialogKey] = useState<string | undefined>();
  const [signing, setSigning] = useState(false);
  const [signed, setSigned] = useState<BasketItem[]>([]);

  const update = (key: string, patch: Partial<BasketItem>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const remove = (key: string) => setItems((all) => all.filter((i) => i.key !== key));
  const prefetch = () => queryClient.fetchQuery({ queryKey: ['cds-prefetch', patientId], queryFn: () => fetchPrefetch(patientId), staleTime: 30_000 });

  /** Our CDS Hooks service's cards for one drug of the basket (the basket's other drugs count as chosen). */
  const check = async (hook: 'order-select' | 'order-sign', item: BasketItem, basket: BasketItem[]): Promise<CdsCard[]> => {
    const medications = basket.filter((i) => i.form.type === 'MEDICATION');
    const body = cdsRequest({ hook, hookInstance: crypto.randomUUID(), patientId, userId, medications, selected: item, prefetch: await prefetch() });
    return callCdsService(hook === 'order-select' ? CDS_SERVICE.select : CDS_SERVICE.sign, body);
  };

  /** Adds drafts (from the form, a favourite or an order set) and checks each drug with order-select. */
  const add = async (added: BasketItem[]) => {
    const basket = [...items, ...added];
    setItems(basket);
    setSeed((s) => ({ n: s.n + 1 }));
    const drugs = added.filter((i) => i.form.type === 'MEDICATION');
    if (drugs.length === 0) return;
    setChecking(true);
    setCheckFailed(false);
    try {
      let interrupted = false;
      for (const item of drugs) {
        const cards = await check('order-select', item, basket);
        update(item.key, { cards });
        if (cards.some(isInterruptive) && !interrupted) {
          interrupted = true;
          setDialogKey(item.key);
        }
      }
    } catch {
      setCheckFailed(true); // the server checks again at signing
    } finally {
      setChecking(false);
    }
  };

  const signAll = async () => {
    setSigning(true);
    setSigned([]);
    try {
      const drafts = items.filter((i) => i.state !== 'sent');
      for (const item of drafts.filter((i) => i.form.type === 'MEDICATION')) {
        const cards = await check('order-sign', item, drafts).catch(() => item.cards);
        const decided = item.override !== undefined;
        update(item.key, { cards });
        if (cards.some(isInterruptive) && !decided) {
          setDialogKey(item.key);
          return;
        }
      }
      const done: BasketItem[] = [];
      for (const item of drafts) {
        update(item.key, { state: 'signing', error: undefined });
        let orderId: string | undefined;
        try {
          const created = await createOrder({ form: item.form, key: item.key });
          orderId = created.order?.id;
          const sent = await sendOrder({ id: orderId ?? '', body: sendBody(item), key: newIdempotencyKey() });
          done.push({ ...item, state: 'sent', orderId, orderNumber: sent.order?.orderNumber });
          remove(item.key);
        } catch (error) {
          if (orderId) {
            // never leave a pending order behind: the refused order is cancelled, the item stays in the basket
            await cancelOrder({ id: orderId, body: { reason: t('orders.basket.cancelReason') }, key: newIdempotencyKey() }).catch(() => undefined);
          }
          const findings = toApiProblem(error).extensions?.findings;
          update(item.key, {
            state: 'failed',
            key: crypto.randomUUID(),
            override: Array.isArray(findings) ? undefined : item.override,
            error: problemMessage(error, t),
          });
        }
      }
      setSigned(done);
    } finally {
      setSigning(false);
      void queryClient.invalidateQueries({ queryKey: ordersQueryKey });
    }
  };

  const dialogItem = items.find((i) => i.key === dialogKey);
  const undecided = items.some(needsDecision);
  return (
    <Card data-testid="order-basket">
      <CardHeader>
        <CardTitle>{t('orders.basket.title')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {items.length === 0 ? <p className="text-sm text-slate-500">{t('orders.basket.empty')}</p> : null}
        <ul className="divide-y divide-slate-100" aria-label={t('orders.basket.title')}>
          {items.map((item) => (
            <BasketRow key={item.key} item={item} onReview={() => setDialogKey(item.key)} onRemove={() => remove(item.key)} busy={signing} />
          ))}
        </ul>
        {checking ? <p className="text-sm text-slate-600" role="status">{t('orders.basket.checking')}</p> : null}
        {checkFailed ? <Alert tone="warning">{t('orders.basket.checkFailed')}</Alert> : null}
        {signed.length > 0 ? (
          <Alert tone="success" data-testid="basket-signed">
            {t('orders.basket.signed', { count: signed.length })}{' '}
            {signed.map((i) => (
              <Link key={i.orderId} to={`/orders/${i.orderId}`} className="mr-2 underline">
                {i.orderNumber}
              </Link>
            ))}
          </Alert>
        ) : null}
        <div className="flex flex-wrap items-center justify-end gap-2">
          {undecided ? <span className="text-sm text-amber-800">{t('orders.basket.decideFirst')}</span> : null}
          <Button data-testid="basket-sign-all" disabled={items.length === 0 || signing || checking || undecided} onClick={() => void signAll()}>
            {t('orders.basket.signAll', { count: items.length })}
          </Button>
        </div>
        <BasketTemplates patientId={patientId} disabled={checking || signing} onAdd={(added) => void add(added)} />
        <OrderFormCard
          key={seed.n}
          patientId={patientId}
          initial={seed.values}
          submitLabel={t('orders.basket.add')}
          submitTestId="basket-add"
          pending={checking || signing}
          onSave={(form, _onError, values) => void add([{ key: crypto.randomUUID(), form, values, cards: [], state: 'draft' }])}
        />
        <BasketAlertDialog
          item={dialogItem}
          open={dialogItem !== undefined}
          onClose={() => setDialogKey(undefined)}
          onRemove={() => {
            if (dialogItem) remove(dialogItem.key);
            setDialogKey(undefined);
          }}
          onChange={() => {
            if (dialogItem) {
              remove(dialogItem.key);
              setSeed((s) => ({ n: s.n + 1, values: { ...dialogItem.values, medication: { ...dialogItem.values.medication, drugId: '', drugLabel: '' } } }));
            }
            setDialogKey(undefined);
          }}
          onOverride={(override) => {
            if (dialogItem) update(dialogItem.key, { override });
            setDialogKey(undefined);
          }}
        />
      </CardContent>
    </Card>
  );
}

function BasketRow({ item, onReview, onRemove, busy }: { item: BasketItem; onReview: () => void; onRemove: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const interruptive = item.cards.filter(isInterruptive);
  const favourite = useAddFavourite();
  return (
    <li className="flex flex-wrap items-center gap-2 py-2 text-sm" data-testid="basket-item" data-type={item.form.type}>
      <Badge>{t(`orders.type.${item.form.type}`)}</Badge>
      <span className="font-medium">
        <ItemLabel item={item} />
      </span>
      {interruptive.length > 0 ? (
        <button type="button" className="underline" onClick={onReview} data-testid="basket-item-alerts">
          <Badge tone={interruptive.some((c) => c.indicator === 'critical') ? 'danger' : 'warning'}>{t('orders.basket.alerts', { count: interruptive.length })}</Badge>
        </button>
      ) : null}
      {item.override ? <Badge tone="warning">{t('orders.basket.overridden')}</Badge> : null}
      {item.state === 'signing' ? <span className="text-slate-500">{t('orders.basket.sending')}</span> : null}
      {item.error ? (
        <span className="basis-full text-rose-700" data-testid="basket-item-error">
          {t('orders.basket.notSent')}: {item.error}
        </span>
      ) : null}
      <Button
        size="sm"
        variant="ghost"
        className="ml-auto"
        disabled={favourite.isPending || favourite.isSuccess}
        onClick={() => favourite.mutate(templateOf(item.form))}
        data-testid="basket-item-favourite"
      >
        {favourite.isSuccess ? t('orders.templates.favourited') : t('orders.templates.addFavourite')}
      </Button>
      {favourite.isError ? <span className="text-rose-700">{problemMessage(favourite.error, t)}</span> : null}
      <Button size="sm" variant="ghost" disabled={busy} onClick={onRemove} data-testid="basket-item-remove">
        {t('orders.basket.remove')}
      </Button>
    </li>
  );
}

function ItemLabel({ item }: { item: BasketItem }) {
  const { t, i18n } = useTranslation();
  const catalogue = useLabTests('');
  const f = item.form;
  if (f.type === 'MEDICATION' && f.medication) {
    const m = f.medication;
    return (
      <>
        {item.values.medication.drugLabel} · {m.dose} {m.doseUnit} {t(`orders.route.${m.route}`)} {t(`orders.frequency.${m.frequency}`)} ×{' '}
        {t('orders.basket.days', { count: m.durationDays })}
        {m.quantity ? ` · ${t('orders.fields.quantity')} ${m.quantity}` : ''}
      </>
    );
  }
  if (f.type === 'LAB_TEST' && f.labTest) {
    const test = (catalogue.data ?? []).find((x) => x.code === f.labTest?.testCode);
    return <>{test ? labTestName(test, i18n.language) : f.labTest.testCode}</>;
  }
  if (f.type === 'IMAGING' && f.imaging) {
    return (
      <>
        {t(`orders.modality.${f.imaging.modality}`)} · {f.imaging.bodyPart}
        {f.imaging.laterality !== 'NOT_APPLICABLE' ? ` · ${t(`orders.laterality.${f.imaging.laterality}`)}` : ''}
      </>
    );
  }
  return <>{f.tissueExam ? `${f.tissueExam.specimen} · ${f.tissueExam.site}` : ''}</>;
}
