import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { PatientBanner } from '../../../components/patient/patient-banner';
import { SafetyAlertList } from '../../../components/safety/safety-alert-list';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Dialog, DialogContent } from '../../../components/ui/dialog';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableRow } from '../../../components/ui/table';
import { EvidenceLink } from '../../../components/evidence-link';
import { orderEvidenceTerm } from '../../../lib/evidence';
import { cn } from '../../../lib/cn';
import { isApiProblem } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import type { OrderDetailView, OrderLink, SafetyAlert } from '../../../types/api';
import { useCancelOrder } from '../api/cancel-order';
import { useOrder } from '../api/get-order';
import { orderItemText } from '../../../lib/order-item-text';
import { newIdempotencyKey } from '../api/order-mutation';
import { useLabTests } from '../api/search-lab-tests';
import { useStartOrder } from '../api/start-order';
import { useWithdrawOrder } from '../api/withdraw-order';
import { cancelText, transitionNote } from '../lib/cancel-cause';
import { isCritical, labTestName, referenceRange } from '../lib/lab-flags';
import { doctorActions } from '../lib/order-actions';
import { ORDER_PROBLEM } from '../lib/problem-codes';
import { isSavedOrderState } from '../lib/saved-order-state';
import { findingsToAlerts } from '../lib/send-flow';
import { isOverdue } from '../lib/worklist';
import { DispenseForm, FlagLabel, LabResultForm, LabTableHead, ResultTextForm } from './completion-forms';
import { OrderStatusBadge, OverdueBadge, PriorityBadge } from './order-badges';
import { OrderLoadError } from './order-load-error';
import { SendOrderButton } from './send-order-button';
import { OrderThread, ReturnButton, VerificationContext } from './verification-panel';
import { ReasonActionButton } from './reason-action-button';
import { PERFORMER_ROLES } from './worklist-page';

/**
 * /orders/:id: what was ordered, its status and timeline, results, dispenses and overrides, the orders a revision
 * links it to, and the actions the user's role allows (the server decides: a doctor acts on own orders, department
 * staff on their department's).
 */
export function OrderDetailPage({ roles, userId }: { roles: readonly string[]; userId?: string }) {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const detail = useOrder(id);
  const data = detail.data;
  const order = data?.order;
  // the safety check of content just saved by an edit or a revision (medication orders), as order entry shows it
  const saved = isSavedOrderState(location.state, id) ? location.state : undefined;
  const cancelled = order?.status === 'CANCELLED' ? cancelText(order, t) : undefined;

  return (
    <div data-testid="order-detail-page" className="space-y-4">
      <Link to={roles.includes('DOCTOR') || roles.includes('NURSE') ? '/orders' : '/worklist'} className="inline-block text-sm text-sky-700 hover:underline">
        ← {t('orders.detail.back')}
      </Link>
      {detail.isPending ? <Spinner className="py-12" /> : null}
      {detail.isError ? <OrderLoadError error={detail.error} /> : null}
      {data && order ? (
        <>
          <PatientBanner patientId={order.patientId} fallback={{ name: order.patientName, mrn: order.patientMrn }} />
          <PageHeader
            title={
              <span>
                {order.type ? t(`orders.type.${order.type}`) : ''} <span className="font-mono text-base text-slate-500" data-testid="order-detail-number">{order.orderNumber}</span>
              </span>
            }
            description={
              <>
                {orderItemText(order, t, i18n.language)}{' '}
                <EvidenceLink context="ORDER" terms={[orderEvidenceTerm(order.summary)]} testId="order-evidence" />
              </>
            }
          />
          <div className="flex flex-wrap items-center gap-2" data-testid="order-detail-status" data-status={order.status}>
            <OrderStatusBadge status={order.status} />
            <PriorityBadge priority={order.priority} />
            {isOverdue(order) ? <OverdueBadge /> : null}
          </div>
          <RevisionLinks data={data} />
          {saved && order.type === 'MEDICATION' ? (
            <Card data-testid="order-saved-safety">
              <CardHeader>
                <CardTitle>{t('orders.entry.safety')}</CardTitle>
              </CardHeader>
              <CardContent>
                <SafetyAlertList alerts={saved.safety.alerts} />
              </CardContent>
            </Card>
          ) : null}
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
            <div className="space-y-4 lg:col-span-2">
              <Card>
                <CardHeader>
                  <CardTitle>{t('orders.detail.what')}</CardTitle>
                </CardHeader>
                <CardContent>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                    <Row label={t('orders.columns.patient')}>
                      {order.patientName} <span className="text-slate-500">{order.patientMrn}</span>
                    </Row>
                    <Row label={t('orders.detail.orderedBy')}>{order.orderedByName}</Row>
                    <Row label={t('orders.detail.createdAt')}>{formatInstant(order.createdAt, i18n.language)}</Row>
                    <Row label={t('orders.fields.dueAt')}>{formatInstant(order.dueAt, i18n.language)}</Row>
                    {data.indication ? <Row label={t('orders.fields.indication')}>{data.indication}</Row> : null}
                    <Payload data={data} />
                    {cancelled ? (
                      <Row label={t('orders.detail.cancelReason')}>
                        <span data-testid="order-cancel-reason">{cancelled}</span>
                      </Row>
                    ) : null}
                  </dl>
                </CardContent>
              </Card>
              {order.type === 'MEDICATION' && order.patientId && roles.some((r) => r === 'PHARMACIST' || r === 'DOCTOR') ? (
                <VerificationContext patientId={order.patientId} orderId={order.id ?? ''} />
              ) : null}
              <Actions data={data} roles={roles} userId={userId} />
              <OrderThread
                data={data}
                canWrite={doctorActions(data, userId, roles).mine || roles.some((r) => PERFORMER_ROLES.includes(r))}
              />
              {data.results?.length ? <LabResults data={data} /> : null}
              {data.dispenses?.length ? (
                <Card data-testid="order-dispenses">
                  <CardHeader>
                    <CardTitle>{t('orders.detail.dispenses')}</CardTitle>
                  </CardHeader>
                  <CardContent>
                    <ul className="space-y-1 text-sm">
                      {(data.dispenses ?? []).map((d, i) => (
                        <li key={i}>
                          {t('orders.detail.dispensed', { quantity: d.quantity, by: d.dispensedByName ?? '' })} · {formatInstant(d.dispensedAt, i18n.language)}
                          {d.note ? <span className="text-slate-600"> — {d.note}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </CardContent>
                </Card>
              ) : null}
              {data.resultText ? (
                <Card data-testid="order-result-text">
                  <CardHeader>
                    <CardTitle>{t('orders.resultText')}</CardTitle>
                  </CardHeader>
                  <CardContent className="space-y-2">
                    <p className="whitespace-pre-wrap text-sm">{data.resultText}</p>
                    {order?.type === 'IMAGING' && order.status === 'COMPLETED' ? (
                      // the radiology report (a route of the radiology feature; no import across features)
                      <Link to={`/radiology/orders/${order.id}/report`} className="text-sm text-sky-700 hover:underline" data-testid="order-open-report">
                        {t('orders.detail.openReport')}
                      </Link>
                    ) : null}
                  </CardContent>
                </Card>
              ) : null}
              {data.overrides?.length ? (
                <Card data-testid="order-overrides">
                  <CardHeader>
                    <CardTitle>{t('orders.detail.overrides')}</CardTitle>
                  </CardHeader>
                  <CardContent>
                    <ul className="space-y-2 text-sm">
                      {(data.overrides ?? []).map((o, i) => (
                        <li key={i} className="rounded-md border border-amber-200 bg-amber-50 p-2">
                          <span className="font-medium">{o.reasonCode ? t(`medsafety.override.${o.reasonCode}`, { defaultValue: o.reasonCode }) : ''}</span>
                          {o.tier ? <span className="ml-2 text-xs">{t(`medsafety.tier.${o.tier}`, { defaultValue: o.tier })}</span> : null}
                          {o.alertType || o.drugs?.length ? (
                            <p data-testid="override-what" title={o.ruleId}>
                              {o.alertType ? t(`medsafety.type.${o.alertType}`, { defaultValue: '' }) : ''}
                              {o.drugs?.length ? `: ${o.drugs.join(' + ')}` : ''}
                            </p>
                          ) : null}
                          {o.comment ? <p>{o.comment}</p> : null}
                          <p className="text-xs text-slate-500" title={o.ruleId}>
                            {formatInstant(o.at, i18n.language)}
                          </p>
                        </li>
                      ))}
                    </ul>
                  </CardContent>
                </Card>
              ) : null}
            </div>
            <Card>
              <CardHeader>
                <CardTitle>{t('orders.detail.timeline')}</CardTitle>
              </CardHeader>
              <CardContent>
                <ol className="relative ml-2 border-l-2 border-slate-200" data-testid="order-timeline">
                  {(data.timeline ?? []).map((step, i) => {
                    // what the system did (a cancellation, a study received) is said in the reader's language, not the
                    // English note stored with it
                    const note = transitionNote(step, order, t);
                    return (
                      <li key={i} className="mb-4 ml-4" data-testid="timeline-step" data-to={step.to}>
                        <span className="absolute -left-[7px] mt-1.5 h-3 w-3 rounded-full border-2 border-white bg-sky-600" aria-hidden="true" />
                        <p className="text-sm font-medium">
                          {step.from ? `${t(`orders.status.${step.from}`)} → ` : ''}
                          {step.to ? t(`orders.status.${step.to}`) : ''}
                        </p>
                        <p className="text-xs text-slate-500">
                          {step.actorName} · {formatInstant(step.at, i18n.language)}
                        </p>
                        {note ? <p className="text-sm text-slate-700">{note}</p> : null}
                      </li>
                    );
                  })}
                </ol>
              </CardContent>
            </Card>
          </div>
        </>
      ) : null}
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Payload({ data }: { data: OrderDetailView }) {
  const { t } = useTranslation();
  const m = data.medication;
  if (m) {
    return (
      <>
        <Row label={t('orders.fields.drug')}>
          <span title={m.drugId ?? undefined} data-testid="order-drug">
            {data.drugName ?? m.drugId}
          </span>
        </Row>
        <Row label={t('orders.fields.dose')}>
          {m.dose} {m.doseUnit} · {m.route ? t(`orders.route.${m.route}`) : ''} · {m.frequency ? t(`orders.frequency.${m.frequency}`) : ''}
        </Row>
        <Row label={t('orders.fields.durationDays')}>{m.durationDays}</Row>
        {m.quantity != null ? <Row label={t('orders.fields.quantity')}>{m.quantity}</Row> : null}
        {m.instructions ? <Row label={t('orders.fields.instructions')}>{m.instructions}</Row> : null}
      </>
    );
  }
  if (data.labTest) {
    return (
      <>
        <Row label={t('orders.fields.labTest')}>
          <LabTestLabel code={data.labTest.testCode} testId="order-lab-test" />
        </Row>
        {data.labTest.specimen ? <Row label={t('orders.fields.specimen')}>{t(`orders.specimen.${data.labTest.specimen}`, { defaultValue: data.labTest.specimen })}</Row> : null}
      </>
    );
  }
  if (data.imaging) {
    const i = data.imaging;
    return (
      <>
        <Row label={t('orders.fields.modality')}>{i.modality ? t(`orders.modality.${i.modality}`) : ''}</Row>
        <Row label={t('orders.fields.bodyPart')}>{i.bodyPart}</Row>
        <Row label={t('orders.fields.laterality')}>{i.laterality ? t(`orders.laterality.${i.laterality}`) : ''}</Row>
        <Row label={t('orders.fields.contrast')}>{i.contrast ? t('orders.yes') : t('orders.no')}</Row>
      </>
    );
  }
  if (data.tissueExam) {
    const x = data.tissueExam;
    return (
      <>
        <Row label={t('orders.fields.tissueSpecimen')}>{x.specimen}</Row>
        <Row label={t('orders.fields.site')}>{x.site}</Row>
        <Row label={t('orders.fields.clinicalQuestion')}>{x.clinicalQuestion}</Row>
      </>
    );
  }
  return null;
}

function LabResults({ data }: { data: OrderDetailView }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="order-lab-results">
      <CardHeader>
        <CardTitle>{t('orders.detail.results')}</CardTitle>
      </CardHeader>
      <CardContent>
        <Table>
          <LabTableHead />
          <TableBody>
            {(data.results ?? []).map((r) => (
              <TableRow key={r.testCode} data-testid={`result-${r.testCode}`} data-flag={r.flag} className={cn(isCritical(r.flag) && 'bg-rose-50')}>
                <TableCell>
                  <LabTestLabel code={r.testCode} fallback={r.name} /> <span className="font-mono text-xs text-slate-500">{r.loinc}</span>
                </TableCell>
                <TableCell className={cn(isCritical(r.flag) && 'font-bold text-rose-700')}>{r.value ?? r.text}</TableCell>
                <TableCell>{r.unit}</TableCell>
                <TableCell className="whitespace-nowrap">{referenceRange(r)}</TableCell>
                <TableCell>{r.flag && r.flag !== 'NORMAL' ? <FlagLabel flag={r.flag} /> : null}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

/**
 * A lab test or panel by its catalogue name in the UI language (the server's result names are English); the code
 * only as a tooltip, and as the text while the catalogue loads or when it does not know the code.
 */
function LabTestLabel({ code, fallback, testId }: { code: string | undefined; fallback?: string; testId?: string }) {
  const { i18n } = useTranslation();
  const catalogue = useLabTests('');
  const test = (catalogue.data ?? []).find((x) => x.code === code);
  return (
    <span title={code} data-testid={testId}>
      {test ? labTestName(test, i18n.language) : fallback || code}
    </span>
  );
}

/** "Replaces O-…" on a revision, "Replaced by O-…" on the order it replaced: each a link with its status. */
function RevisionLinks({ data }: { data: OrderDetailView }) {
  const { t } = useTranslation();
  const replacedBy = data.replacedBy ?? [];
  if (!data.replaces && replacedBy.length === 0) return null;
  return (
    <div className="space-y-1 text-sm">
      {data.replaces ? (
        <p data-testid="order-replaces" data-order-id={data.replaces.id}>
          {t('orders.detail.replaces')} <OrderLinkView link={data.replaces} />
        </p>
      ) : null}
      {replacedBy.length ? (
        <Alert tone="info" data-testid="order-replaced-by" data-order-id={replacedBy[replacedBy.length - 1]?.id}>
          {t('orders.detail.replacedBy')}{' '}
          {replacedBy.map((link, i) => (
            <span key={link.id}>
              {i > 0 ? ', ' : null}
              <OrderLinkView link={link} />
            </span>
          ))}
        </Alert>
      ) : null}
    </div>
  );
}

function OrderLinkView({ link }: { link: OrderLink }) {
  return (
    <span className="inline-flex items-center gap-1">
      <Link to={`/orders/${encodeURIComponent(link.id ?? '')}`} className="font-mono font-medium text-sky-700 hover:underline">
        {link.orderNumber}
      </Link>
      <OrderStatusBadge status={link.status} />
    </span>
  );
}

function Actions({ data, roles, userId }: { data: OrderDetailView; roles: readonly string[]; userId?: string }) {
  const { t } = useTranslation();
  const order = data.order;
  const start = useStartOrder();
  const id = order?.id ?? '';
  const doctor = roles.includes('DOCTOR');
  const performer = roles.some((r) => PERFORMER_ROLES.includes(r));
  const open = order?.status !== 'COMPLETED' && order?.status !== 'CANCELLED';
  const mine = doctorActions(data, userId, roles);
  const doctorCan = mine.send || mine.edit || mine.withdraw || mine.cancel || mine.revise;
  if (!order || (!doctorCan && !(doctor && open) && !(performer && open))) return null;
  return (
    <Card data-testid="order-actions">
      <CardHeader>
        <CardTitle>{t('orders.detail.actions')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {doctorCan ? (
          <div className="flex flex-wrap items-start gap-2">
            {mine.send ? <SendOrderButton orderId={id} /> : null}
            {mine.edit ? (
              <Button variant="secondary" asChild>
                <Link to={`/orders/${encodeURIComponent(id)}/edit`} data-testid="order-edit">
                  {t('orders.actions.edit')}
                </Link>
              </Button>
            ) : null}
            {mine.revise ? (
              <Button variant="secondary" asChild>
                <Link to={`/orders/${encodeURIComponent(id)}/revise`} data-testid="order-revise">
                  {t('orders.actions.revise')}
                </Link>
              </Button>
            ) : null}
            {mine.withdraw ? <WithdrawButton data={data} /> : null}
            {mine.cancel ? <CancelButton data={data} /> : null}
          </div>
        ) : null}
        {doctor && open && !mine.mine ? (
          <p className="text-sm text-slate-500" data-testid="order-not-yours">
            {t('orders.change.notYours')}
          </p>
        ) : null}
        {performer && order.status === 'SENT' ? (
          <div className="flex flex-wrap items-start gap-2">
            <Button data-testid="order-start" disabled={start.isPending} onClick={() => start.mutate({ id, version: order.version, key: newIdempotencyKey() })}>
              {order.type === 'MEDICATION' ? t('orders.actions.verify') : t('orders.actions.start')}
            </Button>
            <ReturnButton data={data} />
            {start.isError ? (
              <div className="w-full space-y-2" data-testid="order-start-error">
                <Alert tone="error">{problemMessage(start.error, t)}</Alert>
                {/* the verification's own check: alerts the prescriber has not decided on (e.g. an allergy recorded
                    since sending) — the pharmacist returns the order */}
                {verificationFindings(start.error).length > 0 ? (
                  <SafetyAlertList alerts={verificationFindings(start.error)} />
                ) : null}
              </div>
            ) : null}
          </div>
        ) : null}
        {performer && order.status === 'IN_PROGRESS' ? (
          order.type === 'MEDICATION' ? (
            <DispenseForm order={data} />
          ) : order.type === 'LAB_TEST' ? (
            <LabResultForm order={data} />
          ) : order.type === 'IMAGING' ? (
            // completed by the radiologist's signed report from the reading worklist, never by a free text
            <p className="text-sm text-slate-600" data-testid="order-awaits-report">
              {t('orders.imagingAwaitsReport')}{' '}
              {roles.includes('RADIOLOGIST') ? (
                <Link to={`/radiology/orders/${encodeURIComponent(id)}`} className="text-sky-700 hover:underline">
                  {t('orders.openReading')}
                </Link>
              ) : null}
            </p>
          ) : (
            <ResultTextForm order={data} />
          )
        ) : null}
      </CardContent>
    </Card>
  );
}

/** Withdraws a pending order after a confirmation: it is cancelled and kept (DELETE never deletes an order). */
function WithdrawButton({ data }: { data: OrderDetailView }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawOrder();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" data-testid="order-withdraw" onClick={() => setOpen(true)}>
        {t('orders.actions.withdraw')}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) withdraw.reset();
        }}
      >
        <DialogContent title={t('orders.withdraw.title', { number: data.order?.orderNumber })} description={t('orders.withdraw.description')}>
          <div className="space-y-3" data-testid="withdraw-dialog">
            {withdraw.isError ? (
              <Alert tone="error" data-testid="withdraw-error">
                {problemMessage(withdraw.error, t)}
              </Alert>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t('orders.withdraw.back')}
              </Button>
              <Button
                variant="danger"
                data-testid="withdraw-confirm"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate({ id: data.order?.id ?? '' }, { onSuccess: () => setOpen(false) })}
              >
                {t('orders.withdraw.confirm')}
              </Button>
            </div>
          </div>
        </DialogContent>
      </Dialog>
    </>
  );
}

function CancelButton({ data }: { data: OrderDetailView }) {
  const cancel = useCancelOrder();
  return (
    <ReasonActionButton
      data={data}
      mutation={cancel}
      name="cancel"
      labels={{
        action: 'orders.actions.cancel',
        title: 'orders.cancel.title',
        description: 'orders.cancel.description',
        reason: 'orders.cancel.reason',
        confirm: 'orders.cancel.confirm',
      }}
    />
  );
}

/** The findings of a verification refused by the safety check (422 `order.safety-blocked`), as alerts; else none. */
function verificationFindings(error: unknown): SafetyAlert[] {
  return isApiProblem(error) && error.code === ORDER_PROBLEM.safetyBlocked && Array.isArray(error.extensions.findings)
    ? findingsToAlerts(error.extensions.findings)
    : [];
}
