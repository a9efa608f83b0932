import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormField, fieldProps } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { isApiProblem } from '../../../lib/api-client';
import { cn } from '../../../lib/cn';
import { problemMessage } from '../../../lib/problem-message';
import type { CompleteOrderRequest, LabFlag, LabTestView, OrderDetailView } from '../../../types/api';
import { useCompleteOrder } from '../api/complete-order';
import { newIdempotencyKey } from '../api/order-mutation';
import { dispenseQuantity, labEntry, labResults, previewEntryFlag } from '../lib/completion-values';
import { FLAG_STYLE, labTestName, referenceRange } from '../lib/lab-flags';

function useComplete(order: OrderDetailView) {
  const complete = useCompleteOrder();
  const submit = (body: CompleteOrderRequest) =>
    complete.mutate({ id: order.order?.id ?? '', body: { ...body, version: order.order?.version }, key: newIdempotencyKey() });
  return { complete, submit };
}

function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fields = isApiProblem(error) ? error.errors.map((e) => e.message).filter(Boolean) : [];
  return (
    <Alert tone="error" data-testid="complete-error">
      {problemMessage(error, t)}
      {fields.length ? <ul className="mt-1 list-inside list-disc">{fields.map((m) => <li key={m}>{m}</li>)}</ul> : null}
    </Alert>
  );
}

/** The pharmacy's completion: the dispensed quantity and a note. */
export function DispenseForm({ order }: { order: OrderDetailView }) {
  const { t } = useTranslation();
  const { complete, submit } = useComplete(order);
  const [quantity, setQuantity] = useState(order.medication?.quantity != null ? String(order.medication.quantity) : '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // "1,000" is refused, never read as 1 (or as 1000): the pharmacist types 1000
    const parsed = dispenseQuantity(quantity);
    if ('error' in parsed) {
      const messages = {
        required: t('validation.required'),
        plainNumber: t('orders.validation.plainNumber'),
        positive: t('orders.validation.positive'),
      };
      setError(messages[parsed.error]);
      return;
    }
    setError(undefined);
    submit({ dispense: { quantity: parsed.quantity, note: note.trim() || undefined } });
  };
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" data-testid="dispense-form">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <FormField id="dispense-quantity" label={t('orders.dispense.quantity')} error={error}>
          <Input {...fieldProps('dispense-quantity', error)} data-testid="dispense-quantity" inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </FormField>
        <FormField id="dispense-note" label={t('orders.dispense.note')}>
          <Input id="dispense-note" data-testid="dispense-note" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </FormField>
      </div>
      <ErrorAlert error={complete.error} />
      <Button type="submit" data-testid="complete-submit" disabled={complete.isPending}>
        {t('orders.dispense.submit')}
      </Button>
    </form>
  );
}

/** The laboratory's completion: one row per panel member with unit, reference range and a live flag preview. */
export function LabResultForm({ order }: { order: OrderDetailView }) {
  const { t, i18n } = useTranslation();
  const { complete, submit } = useComplete(order);
  // the server's list: a panel's members, each with the reference range for this patient's sex (what it flags by)
  const tests = order.resultTests ?? [];
  const [entries, setEntries] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | undefined>();
  const [invalid, setInvalid] = useState<readonly string[]>([]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // in panel order, whatever order the values were typed in
    const { results, invalid: refused } = labResults(tests, entries);
    setInvalid(refused);
    if (refused.length > 0) {
      setError(undefined);
      return;
    }
    if (results.length === 0) {
      setError(t('orders.lab.resultsRequired'));
      return;
    }
    setError(undefined);
    submit({ results });
  };
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" data-testid="lab-result-form">
      <LabEntryTable
        tests={tests}
        entries={entries}
        invalid={invalid}
        onChange={(code, value) => {
          setEntries((e) => ({ ...e, [code]: value }));
          setInvalid((codes) => codes.filter((c) => c !== code));
        }}
        lang={i18n.language}
      />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ErrorAlert error={complete.error} />
      <Button type="submit" data-testid="complete-submit" disabled={complete.isPending}>
        {t('orders.lab.submit')}
      </Button>
    </form>
  );
}

export function LabEntryTable({
  tests,
  entries,
  invalid = [],
  onChange,
  lang,
}: {
  tests: readonly LabTestView[];
  entries: Record<string, string>;
  /** Codes of the tests whose values were refused on submit (each shows its field error until edited). */
  invalid?: readonly string[];
  onChange: (code: string, value: string) => void;
  lang: string;
}) {
  const { t } = useTranslation();
  return (
    <Table>
      <LabTableHead />
      <TableBody>
        {tests.map((test) => {
          const code = test.code ?? '';
          const raw = entries[code] ?? '';
          const flag = previewEntryFlag(labEntry(raw, test), test);
          const id = `lab-value-${code}`;
          const error = invalid.includes(code) ? t('orders.validation.labValue') : undefined;
          return (
            <TableRow key={code} data-testid={`lab-entry-${code}`}>
              <TableCell>
                <label htmlFor={id} className="font-medium">
                  {labTestName(test, lang)}
                </label>{' '}
                <span className="font-mono text-xs text-slate-500">{code}</span>
              </TableCell>
              <TableCell>
                <Input {...fieldProps(id, error)} data-testid={id} className="w-28" value={raw} onChange={(e) => onChange(code, e.target.value)} />
                <p id={`${id}-error`} className="min-h-0 max-w-56 text-sm text-rose-700" aria-live="polite" data-testid={`${id}-error`}>
                  {error}
                </p>
              </TableCell>
              <TableCell>{test.unit}</TableCell>
              <TableCell className="whitespace-nowrap">{referenceRange(test)}</TableCell>
              <TableCell data-testid={`lab-flag-${code}`} data-flag={flag ?? ''}>
                {flag ? <FlagLabel flag={flag} /> : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Column headers of a table of lab values: the technician's entry form and the results on the order. */
export function LabTableHead() {
  const { t } = useTranslation();
  return (
    <TableHead>
      <tr>
        <TableHeaderCell>{t('orders.lab.test')}</TableHeaderCell>
        <TableHeaderCell>{t('orders.lab.value')}</TableHeaderCell>
        <TableHeaderCell>{t('orders.lab.unit')}</TableHeaderCell>
        <TableHeaderCell>{t('orders.lab.reference')}</TableHeaderCell>
        <TableHeaderCell>{t('orders.lab.flag')}</TableHeaderCell>
      </tr>
    </TableHead>
  );
}

export function FlagLabel({ flag }: { flag: LabFlag }) {
  const { t } = useTranslation();
  const style = FLAG_STYLE[flag];
  return (
    <span className={cn(style.className)} data-flag={flag}>
      {style.arrow ? <span aria-hidden="true">{style.arrow} </span> : null}
      {t(`orders.flag.${flag}`)}
    </span>
  );
}

/** Imaging and tissue exams: a result text (until reports are signed in radiology and pathology). */
export function ResultTextForm({ order }: { order: OrderDetailView }) {
  const { t } = useTranslation();
  const { complete, submit } = useComplete(order);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(undefined);
    submit({ resultText: text.trim() });
  };
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" data-testid="result-text-form">
      <FormField id="result-text" label={t('orders.resultText')} error={error}>
        <textarea
          id="result-text"
          data-testid="result-text"
          aria-describedby="result-text-error"
          maxLength={20000}
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus-visible:border-sky-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500/40"
        />
      </FormField>
      <ErrorAlert error={complete.error} />
      <Button type="submit" data-testid="complete-submit" disabled={complete.isPending}>
        {t('orders.actions.complete')}
      </Button>
    </form>
  );
}
