import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Input } from '../../../components/ui/input';
import { usePatientBannerAllergies, usePatientMedications } from '../../../lib/patient-banner-data';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import type { OrderDetailView } from '../../../types/api';
import { useOrderMessages, usePostOrderMessage, useReturnOrder } from '../api/order-messages';
import { useRecentLabs } from '../api/recent-results';
import { labTestName, referenceRange } from '../lib/lab-flags';
import { FlagLabel } from './completion-forms';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { Link } from 'react-router-dom';
import { ReasonActionButton } from './reason-action-button';

/**
 * Beside a medication order under verification (issue 15 item 5): the patient's active allergies and medications, so
 * that the pharmacist judges the order with them in view, and the patient's latest lab values (test in the reader's
 * language, value and unit, reference range, flag, date in the hospital's zone): what a dose depends on (creatinine,
 * eGFR, potassium, INR, liver enzymes).
 */
export function VerificationContext({ patientId, orderId }: { patientId: string; orderId: string }) {
  const { t, i18n } = useTranslation();
  const labs = useRecentLabs(orderId);
  const allergies = usePatientBannerAllergies(patientId);
  const medications = usePatientMedications(patientId);
  const activeAllergies = (allergies.data ?? []).filter((a) => a.status === 'ACTIVE');
  const activeMedications = (medications.data ?? []).filter((m) => m.status === 'ACTIVE');
  return (
    <Card data-testid="verification-context">
      <CardHeader>
        <CardTitle>{t('orders.verification.context')}</CardTitle>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
        <div>
          <h3 className="font-medium">{t('orders.verification.allergies')}</h3>
          {allergies.isError ? <p className="text-slate-500">{t('orders.verification.unreadable')}</p> : null}
          {allergies.data && activeAllergies.length === 0 ? <p className="text-slate-500">{t('orders.verification.noneRecorded')}</p> : null}
          <ul data-testid="verification-allergies">
            {activeAllergies.map((a) => (
              <li key={a.id}>
                <span className="font-medium text-rose-800">{a.substance}</span>
                {a.severity ? <span className="text-slate-600"> · {t(`patients.severity.${a.severity}`)}</span> : null}
                {a.reaction ? <span className="text-slate-600"> · {a.reaction}</span> : null}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="font-medium">{t('orders.verification.medications')}</h3>
          {medications.isError ? <p className="text-slate-500">{t('orders.verification.unreadable')}</p> : null}
          {medications.data && activeMedications.length === 0 ? <p className="text-slate-500">{t('orders.verification.noneRecorded')}</p> : null}
          <ul data-testid="verification-medications">
            {activeMedications.map((m) => (
              <li key={m.id}>
                {m.name}
                {m.dose ? <span className="text-slate-600"> · {m.dose}</span> : null}
              </li>
            ))}
          </ul>
        </div>
        <div className="sm:col-span-2">
          <h3 className="font-medium">{t('orders.verification.results')}</h3>
          {labs.isError ? <p className="text-slate-500">{t('orders.verification.unreadable')}</p> : null}
          {labs.data && labs.data.length === 0 ? (
            <p className="text-slate-500" data-testid="verification-no-labs">
              {t('orders.verification.noResults')}
            </p>
          ) : null}
          {labs.data && labs.data.length > 0 ? (
            <div className="overflow-x-auto">
              <Table data-testid="verification-results">
                <TableHead>
                  <tr>
                    <TableHeaderCell>{t('orders.lab.test')}</TableHeaderCell>
                    <TableHeaderCell>{t('orders.lab.value')}</TableHeaderCell>
                    <TableHeaderCell>{t('orders.lab.reference')}</TableHeaderCell>
                    <TableHeaderCell>{t('orders.lab.flag')}</TableHeaderCell>
                    <TableHeaderCell>{t('orders.verification.resultDate')}</TableHeaderCell>
                  </tr>
                </TableHead>
                <TableBody>
                  {labs.data.map((lab) => (
                    <TableRow key={`${lab.orderId}-${lab.testCode}`} data-testid="verification-lab" data-test={lab.testCode}>
                      <TableCell>
                        <Link to={`/orders/${lab.orderId}`} className="text-sky-800 underline" title={lab.testCode}>
                          {labTestName({ code: lab.testCode, nameEn: lab.nameEn, nameKo: lab.nameKo }, i18n.language)}
                        </Link>
                      </TableCell>
                      <TableCell className="tabular-nums" data-testid="verification-lab-value">
                        {lab.value != null ? `${lab.value}` : (lab.text ?? '')}
                        {lab.unit ? <span className="text-slate-600"> {lab.unit}</span> : null}
                      </TableCell>
                      <TableCell className="tabular-nums text-slate-600">{referenceRange(lab)}</TableCell>
                      <TableCell>{lab.flag ? <FlagLabel flag={lab.flag} /> : null}</TableCell>
                      <TableCell>
                        <time className="tabular-nums text-slate-500" dateTime={lab.enteredAt}>
                          {formatInstant(lab.enteredAt, i18n.language)}
                        </time>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}

/**
 * The thread on an order: the department's queries to the prescriber and the answers. The prescriber and the
 * department's staff write while the order is open (the server decides); the prescriber is notified of a query.
 */
export function OrderThread({ data, canWrite }: { data: OrderDetailView; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const id = data.order?.id ?? '';
  const messages = useOrderMessages(id);
  const post = usePostOrderMessage(id);
  const [text, setText] = useState('');
  const open = data.order?.status !== 'COMPLETED' && data.order?.status !== 'CANCELLED';
  if (!canWrite && (messages.data ?? []).length === 0) return null;
  return (
    <Card data-testid="order-thread">
      <CardHeader>
        <CardTitle>{t('orders.thread.title')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {(messages.data ?? []).length === 0 ? <p className="text-sm text-slate-500">{t('orders.thread.empty')}</p> : null}
        <ul className="space-y-2 text-sm">
          {(messages.data ?? []).map((m) => (
            <li
              key={m.id}
              data-testid="order-message"
              className={m.toPrescriber ? 'rounded-md border border-amber-200 bg-amber-50 p-2' : 'rounded-md border border-sky-200 bg-sky-50 p-2'}
            >
              <p className="text-xs text-slate-600">
                {m.toPrescriber ? t('orders.thread.query') : t('orders.thread.answer')} · {m.authorName} · {formatInstant(m.createdAt, i18n.language)}
              </p>
              <p className="whitespace-pre-wrap">{m.body}</p>
            </li>
          ))}
        </ul>
        {canWrite && open ? (
          <form
            className="flex flex-wrap gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (!text.trim()) return;
              post.mutate(text.trim(), { onSuccess: () => setText('') });
            }}
          >
            <Input
              aria-label={t('orders.thread.message')}
              placeholder={t('orders.thread.message')}
              data-testid="order-message-input"
              maxLength={2000}
              value={text}
              className="min-w-0 flex-1"
              onChange={(e) => setText(e.target.value)}
            />
            <Button type="submit" data-testid="order-message-send" disabled={!text.trim() || post.isPending}>
              {t('orders.thread.send')}
            </Button>
          </form>
        ) : null}
        {post.isError ? <Alert tone="error">{problemMessage(post.error, t)}</Alert> : null}
      </CardContent>
    </Card>
  );
}

/** The department returns the order to its prescriber with a (required) reason: it is cancelled, they are told. */
export function ReturnButton({ data }: { data: OrderDetailView }) {
  const back = useReturnOrder();
  return (
    <ReasonActionButton
      data={data}
      mutation={back}
      name="return"
      labels={{
        action: 'orders.return.action',
        title: 'orders.return.title',
        description: 'orders.return.description',
        reason: 'orders.return.reason',
        confirm: 'orders.return.confirm',
      }}
    />
  );
}
