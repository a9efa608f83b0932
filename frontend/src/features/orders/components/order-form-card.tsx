import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { drugLabel, DrugAutocomplete } from '../../../components/safety/drug-autocomplete';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardContent } from '../../../components/ui/card';
import { Checkbox } from '../../../components/ui/checkbox';
import { Dialog, DialogContent } from '../../../components/ui/dialog';
import { FormField, fieldProps } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { isApiProblem } from '../../../lib/api-client';
import { cn } from '../../../lib/cn';
import { problemMessage } from '../../../lib/problem-message';
import type { OrderForm } from '../../../types/api';
import { searchDrugs } from '../api/search-drugs';
import { useLabTests } from '../api/search-lab-tests';
import { DOSE_UNITS, FREQUENCIES, LATERALITIES, MODALITIES, ORDER_TYPES, PRIORITIES, ROUTES, SPECIMENS } from '../lib/enums';
import { labTestName } from '../lib/lab-flags';
import { productDefaults, withQuantityDefault } from '../lib/dose-defaults';
import { buildOrderForm, emptyOrderForm, pointerKey, type OrderFormValues } from '../lib/order-form';
import { ORDER_PROBLEM } from '../lib/problem-codes';

export interface OrderFormCardProps {
  patientId: string;
  /** The content to start from: empty for a new order, the order's own for an edit or a revision. */
  initial?: OrderFormValues;
  /** An edit or a revision keeps the order's type (the server refuses another). */
  typeLocked?: boolean;
  submitLabel: string;
  submitTestId: string;
  /** Saves the checked form; `onError` gets a failure (`order.duplicate-ingredient` with `duplicates` opens the duplicate dialog). */
  onSave: (form: OrderForm, onError: (error: unknown) => void, values: OrderFormValues) => void;
  pending: boolean;
  /** The failure of the last save to show (its field errors go to their fields), or nothing. */
  error?: unknown;
  /** Leaves the form without saving (edit, revise). */
  onDiscard?: () => void;
}

/**
 * The order form of the four types (medication with drug search, lab test from the catalogue, imaging, tissue
 * exam): checks what was typed like the server does, shows the server's field errors at their fields and asks to
 * confirm an intended duplicate medication. Order entry, edit and revision all use it.
 */
export function OrderFormCard({ patientId, initial, typeLocked = false, submitLabel, submitTestId, onSave, pending, error: saveError, onDiscard }: OrderFormCardProps) {
  const { t } = useTranslation();
  const [start] = useState<OrderFormValues>(() => initial ?? emptyOrderForm());
  const [values, setValues] = useState<OrderFormValues>(start);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [duplicates, setDuplicates] = useState<string[] | undefined>();

  const serverErrors: Record<string, string> = {};
  if (isApiProblem(saveError)) for (const e of saveError.errors) serverErrors[pointerKey(e.pointer)] ??= e.message;
  const error = (key: string) => (clientErrors[key] ? t(clientErrors[key], { defaultValue: clientErrors[key] }) : serverErrors[key]);

  const submit = (intendedDuplicate: boolean) => {
    const built = buildOrderForm(patientId, values, intendedDuplicate);
    if (!built.ok) {
      setClientErrors(built.errors);
      return;
    }
    setClientErrors({});
    onSave(
      built.form,
      (e) => {
        if (isApiProblem(e) && e.code === ORDER_PROBLEM.duplicateIngredient && Array.isArray(e.extensions.duplicates)) {
          setDuplicates(e.extensions.duplicates.map(String));
        }
      },
      values,
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(false);
  };
  const set = (patch: Partial<OrderFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const setMed = (patch: Partial<OrderFormValues['medication']>) => setValues((v) => ({ ...v, medication: withQuantityDefault(v.medication, patch) }));
  // A due time that came with the order followed its priority: with another priority it is recomputed (empty),
  // unless the doctor has set one of their own.
  const setPriority = (priority: OrderFormValues['priority']) =>
    setValues((v) => ({ ...v, priority, dueAt: v.dueAt !== '' && v.dueAt === start.dueAt ? '' : v.dueAt }));

  const fieldErrorsShown = Object.keys(serverErrors).length > 0;
  const failed = saveError !== undefined && saveError !== null;
  return (
    <Card>
      <CardContent className="pt-4">
        <form noValidate onSubmit={onSubmit} className="space-y-5" data-testid="order-form" data-type={values.type}>
          {typeLocked ? null : (
            <div role="tablist" aria-label={t('orders.fields.type')} className="flex flex-wrap gap-1 border-b border-slate-200">
              {ORDER_TYPES.map((type) => (
                <button
                  key={type}
                  type="button"
                  role="tab"
                  aria-selected={values.type === type}
                  data-testid={`order-type-${type}`}
                  onClick={() => set({ type })}
                  className={cn(
                    '-mb-px rounded-t-md border px-4 py-2 text-sm',
                    values.type === type ? 'border-slate-200 border-b-white bg-white font-semibold text-sky-800' : 'border-transparent text-slate-600 hover:text-slate-900',
                  )}
                >
                  {t(`orders.type.${type}`)}
                </button>
              ))}
            </div>
          )}

          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            <FormField id="order-priority" label={t('orders.fields.priority')} error={error('priority')}>
              <Select {...fieldProps('order-priority', error('priority'))} data-testid="order-priority-select" value={values.priority} onChange={(e) => setPriority(e.target.value as OrderFormValues['priority'])}>
                {[...PRIORITIES].reverse().map((p) => (
                  <option key={p} value={p}>
                    {t(`orders.priority.${p}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField id="order-due" label={t('orders.fields.dueAt')} error={error('dueAt')} hint={t('orders.fields.dueAtHint')}>
              <Input {...fieldProps('order-due', error('dueAt'))} data-testid="order-due" type="datetime-local" value={values.dueAt} onChange={(e) => set({ dueAt: e.target.value })} />
            </FormField>
            <FormField id="order-indication" label={t('orders.fields.indication')} error={error('indication')}>
              <Input {...fieldProps('order-indication', error('indication'))} data-testid="order-indication" maxLength={1000} value={values.indication} onChange={(e) => set({ indication: e.target.value })} />
            </FormField>
          </div>

          {values.type === 'MEDICATION' ? <MedicationFields values={values.medication} onChange={setMed} error={error} /> : null}
          {values.type === 'LAB_TEST' ? (
            <LabFields values={values.labTest} onChange={(labTest) => set({ labTest })} error={error} />
          ) : null}
          {values.type === 'IMAGING' ? <ImagingFields values={values.imaging} onChange={(imaging) => set({ imaging })} error={error} /> : null}
          {values.type === 'TISSUE_EXAM' ? (
            <TissueFields values={values.tissueExam} onChange={(tissueExam) => set({ tissueExam })} error={error} />
          ) : null}

          {failed && !duplicates ? (
            <Alert tone="error" data-testid="order-form-error">
              {fieldErrorsShown ? t('orders.entry.fixFields') : problemMessage(saveError, t)}
            </Alert>
          ) : null}
          <div className="flex justify-end gap-2">
            {onDiscard ? (
              <Button variant="secondary" data-testid="order-form-discard" onClick={onDiscard}>
                {t('orders.change.discard')}
              </Button>
            ) : null}
            <Button type="submit" data-testid={submitTestId} disabled={pending}>
              {submitLabel}
            </Button>
          </div>
        </form>
        <Dialog open={Boolean(duplicates)} onOpenChange={(open) => !open && setDuplicates(undefined)}>
          <DialogContent title={t('orders.duplicate.title')} description={t('orders.duplicate.description')}>
            <div className="space-y-4" data-testid="duplicate-dialog">
              <ul className="list-inside list-disc text-sm">
                {(duplicates ?? []).map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
              <div className="flex justify-end gap-2">
                <Button variant="secondary" onClick={() => setDuplicates(undefined)}>
                  {t('common.cancel')}
                </Button>
                <Button
                  variant="danger"
                  data-testid="duplicate-confirm"
                  onClick={() => {
                    setDuplicates(undefined);
                    submit(true);
                  }}
                >
                  {t('orders.duplicate.confirm')}
                </Button>
              </div>
            </div>
          </DialogContent>
        </Dialog>
      </CardContent>
    </Card>
  );
}

type ErrorOf = (key: string) => string | undefined;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-700">{title}</legend>
      {children}
    </fieldset>
  );
}

function MedicationFields({ values, onChange, error }: { values: OrderFormValues['medication']; onChange: (patch: Partial<OrderFormValues['medication']>) => void; error: ErrorOf }) {
  const { t, i18n } = useTranslation();
  const field = (key: keyof OrderFormValues['medication']) => error(`medication.${key}`);
  return (
    <Section title={t('orders.type.MEDICATION')}>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <div className="md:col-span-3">
          <DrugAutocomplete
            label={t('orders.fields.drug')}
            testId="order-drug-search"
            search={searchDrugs}
            onPick={(drug) => {
              const defaults = productDefaults(drug);
              onChange({
                drugId: drug.id ?? '',
                drugLabel: drugLabel(drug, i18n.language, t),
                ...(defaults.dose ? { dose: defaults.dose, doseUnit: defaults.doseUnit } : {}),
                ...(defaults.route ? { route: defaults.route } : {}),
                drugForm: defaults.form,
                drugStrength: defaults.dose,
              });
            }}
          />
          <p className="mt-1 text-sm" data-testid="order-drug-selected">
            {values.drugId ? (
              // the DrugBank id only as a tooltip (no raw code on a clinical screen)
              <span className="font-medium text-slate-900" title={values.drugId}>
                {values.drugLabel || values.drugId}
              </span>
            ) : (
              <span className="text-slate-500">{t('orders.fields.noDrug')}</span>
            )}
          </p>
          <p className="text-sm text-rose-700" data-testid="order-drug-error">
            {field('drugId')}
          </p>
        </div>
        <FormField id="order-dose" label={t('orders.fields.dose')} error={field('dose')}>
          <Input {...fieldProps('order-dose', field('dose'))} data-testid="order-dose" inputMode="decimal" value={values.dose} onChange={(e) => onChange({ dose: e.target.value })} />
        </FormField>
        <FormField id="order-dose-unit" label={t('orders.fields.doseUnit')} error={field('doseUnit')}>
          <Select {...fieldProps('order-dose-unit', field('doseUnit'))} data-testid="order-dose-unit" value={values.doseUnit} onChange={(e) => onChange({ doseUnit: e.target.value })}>
            {DOSE_UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="order-route" label={t('orders.fields.route')} error={field('route')}>
          <Select {...fieldProps('order-route', field('route'))} data-testid="order-route" value={values.route} onChange={(e) => onChange({ route: e.target.value })}>
            {ROUTES.map((r) => (
              <option key={r} value={r}>
                {t(`orders.route.${r}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="order-frequency" label={t('orders.fields.frequency')} error={field('frequency')}>
          <Select {...fieldProps('order-frequency', field('frequency'))} data-testid="order-frequency" value={values.frequency} onChange={(e) => onChange({ frequency: e.target.value })}>
            {FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {t(`orders.frequency.${f}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="order-duration" label={t('orders.fields.durationDays')} error={field('durationDays')}>
          <Input {...fieldProps('order-duration', field('durationDays'))} data-testid="order-duration" inputMode="numeric" value={values.durationDays} onChange={(e) => onChange({ durationDays: e.target.value })} />
        </FormField>
        <FormField id="order-quantity" label={t('orders.fields.quantity')} error={field('quantity')}>
          <Input {...fieldProps('order-quantity', field('quantity'))} data-testid="order-quantity" inputMode="decimal" value={values.quantity} onChange={(e) => onChange({ quantity: e.target.value })} />
        </FormField>
        <div className="md:col-span-3">
          <FormField id="order-instructions" label={t('orders.fields.instructions')} error={field('instructions')}>
            <Input {...fieldProps('order-instructions', field('instructions'))} data-testid="order-instructions" maxLength={1000} value={values.instructions} onChange={(e) => onChange({ instructions: e.target.value })} />
          </FormField>
        </div>
      </div>
    </Section>
  );
}

function LabFields({ values, onChange, error }: { values: OrderFormValues['labTest']; onChange: (v: OrderFormValues['labTest']) => void; error: ErrorOf }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const matches = useLabTests(q);
  const catalogue = useLabTests('');
  const chosen = (catalogue.data ?? []).find((test) => test.code === values.testCode);
  return (
    <Section title={t('orders.type.LAB_TEST')}>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <div className="space-y-2">
          <FormField id="order-lab-search" label={t('orders.fields.labTest')} error={error('labTest.testCode')}>
            <Input {...fieldProps('order-lab-search', error('labTest.testCode'))} data-testid="order-lab-search" value={text} placeholder={t('orders.fields.labSearchPlaceholder')} onChange={(e) => setText(e.target.value)} />
          </FormField>
          <ul className="max-h-64 divide-y divide-slate-100 overflow-auto rounded-md border border-slate-200" aria-label={t('orders.fields.labTest')}>
            {(matches.data ?? []).map((test) => (
              <li key={test.code}>
                <button
                  type="button"
                  data-testid={`lab-option-${test.code}`}
                  aria-pressed={values.testCode === test.code}
                  onClick={() => test.code && onChange({ testCode: test.code, specimen: '' })}
                  className={cn('w-full px-3 py-1.5 text-left text-sm hover:bg-sky-50', values.testCode === test.code && 'bg-sky-100')}
                >
                  <span className="font-medium">{labTestName(test, i18n.language)}</span>{' '}
                  <span className="font-mono text-xs text-slate-500">
                    {test.code} · LOINC {test.loinc}
                  </span>
                  {test.panel ? <span className="ml-2 rounded bg-slate-100 px-1 text-xs">{t('orders.lab.panel')}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="space-y-3 text-sm" data-testid="order-lab-chosen">
          {chosen ? (
            <>
              <p className="font-semibold">{labTestName(chosen, i18n.language)}</p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                <dt className="text-slate-500">LOINC</dt>
                <dd className="font-mono">{chosen.loinc}</dd>
                <dt className="text-slate-500">{t('orders.fields.specimen')}</dt>
                <dd>{chosen.specimen ? t(`orders.specimen.${chosen.specimen}`, { defaultValue: chosen.specimen }) : '—'}</dd>
                {chosen.panel ? (
                  <>
                    <dt className="text-slate-500">{t('orders.lab.members')}</dt>
                    <dd data-testid="order-lab-members">{(chosen.members ?? []).join(', ')}</dd>
                  </>
                ) : null}
              </dl>
              <FormField id="order-lab-specimen" label={t('orders.fields.specimenOverride')} error={error('labTest.specimen')}>
                <Select {...fieldProps('order-lab-specimen', error('labTest.specimen'))} value={values.specimen} onChange={(e) => onChange({ ...values, specimen: e.target.value })}>
                  <option value="">{t('orders.fields.specimenDefault')}</option>
                  {SPECIMENS.map((s) => (
                    <option key={s} value={s}>
                      {t(`orders.specimen.${s}`)}
                    </option>
                  ))}
                </Select>
              </FormField>
            </>
          ) : (
            <p className="text-slate-500">{t('orders.lab.noneChosen')}</p>
          )}
        </div>
      </div>
    </Section>
  );
}

function ImagingFields({ values, onChange, error }: { values: OrderFormValues['imaging']; onChange: (v: OrderFormValues['imaging']) => void; error: ErrorOf }) {
  const { t } = useTranslation();
  return (
    <Section title={t('orders.type.IMAGING')}>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-4">
        <FormField id="order-modality" label={t('orders.fields.modality')} error={error('imaging.modality')}>
          <Select {...fieldProps('order-modality', error('imaging.modality'))} data-testid="order-modality" value={values.modality} onChange={(e) => onChange({ ...values, modality: e.target.value })}>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {t(`orders.modality.${m}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="order-body-part" label={t('orders.fields.bodyPart')} error={error('imaging.bodyPart')}>
          <Input {...fieldProps('order-body-part', error('imaging.bodyPart'))} data-testid="order-body-part" maxLength={60} value={values.bodyPart} onChange={(e) => onChange({ ...values, bodyPart: e.target.value })} />
        </FormField>
        <FormField id="order-laterality" label={t('orders.fields.laterality')} error={error('imaging.laterality')}>
          <Select {...fieldProps('order-laterality', error('imaging.laterality'))} data-testid="order-laterality" value={values.laterality} onChange={(e) => onChange({ ...values, laterality: e.target.value })}>
            {LATERALITIES.map((l) => (
              <option key={l} value={l}>
                {t(`orders.laterality.${l}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <div className="pt-7">
          <Checkbox id="order-contrast" data-testid="order-contrast" label={t('orders.fields.contrast')} checked={values.contrast} onChange={(e) => onChange({ ...values, contrast: e.target.checked })} />
        </div>
      </div>
    </Section>
  );
}

function TissueFields({ values, onChange, error }: { values: OrderFormValues['tissueExam']; onChange: (v: OrderFormValues['tissueExam']) => void; error: ErrorOf }) {
  const { t } = useTranslation();
  return (
    <Section title={t('orders.type.TISSUE_EXAM')}>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField id="order-tissue-specimen" label={t('orders.fields.tissueSpecimen')} error={error('tissueExam.specimen')}>
          <Input {...fieldProps('order-tissue-specimen', error('tissueExam.specimen'))} data-testid="order-tissue-specimen" maxLength={120} value={values.specimen} onChange={(e) => onChange({ ...values, specimen: e.target.value })} />
        </FormField>
        <FormField id="order-tissue-site" label={t('orders.fields.site')} error={error('tissueExam.site')}>
          <Input {...fieldProps('order-tissue-site', error('tissueExam.site'))} data-testid="order-tissue-site" maxLength={120} value={values.site} onChange={(e) => onChange({ ...values, site: e.target.value })} />
        </FormField>
        <div className="md:col-span-2">
          <FormField id="order-tissue-question" label={t('orders.fields.clinicalQuestion')} error={error('tissueExam.clinicalQuestion')}>
            <Input {...fieldProps('order-tissue-question', error('tissueExam.clinicalQuestion'))} data-testid="order-tissue-question" maxLength={1000} value={values.clinicalQuestion} onChange={(e) => onChange({ ...values, clinicalQuestion: e.target.value })} />
          </FormField>
        </div>
      </div>
    </Section>
  );
}
