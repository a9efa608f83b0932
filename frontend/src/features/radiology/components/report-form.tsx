import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { FormField } from '../../../components/ui/form-field';
import { Select } from '../../../components/ui/select';
import { zodFieldErrors } from '../../../lib/form-errors';
import { BIRADS_CATEGORIES, draftSchema, signSchema, type ReportFormValues } from '../lib/report-form';
import { SignConfirmDialog } from './sign-confirm-dialog';

const TEXTAREA =
  'block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus-visible:border-sky-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500/40';

/**
 * The structured report: findings, impression, recommendation, a BI-RADS category for breast imaging and the
 * critical-finding flag. "Save draft" checks only what a draft needs; "Sign" checks what signing needs and asks
 * for confirmation (a signed report cannot be changed). The parent saves and signs; errors from the server come
 * back through {@code error}.
 */
export function ReportForm({
  initial,
  breastImaging,
  busy,
  error,
  onSaveDraft,
  onSign,
}: {
  initial: ReportFormValues;
  breastImaging: boolean;
  busy?: boolean;
  error?: string;
  onSaveDraft: (values: ReportFormValues) => void;
  onSign: (values: ReportFormValues) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ReportFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const set = <K extends keyof ReportFormValues>(key: K, value: ReportFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const saveDraft = (event: FormEvent) => {
    event.preventDefault();
    const parsed = draftSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    onSaveDraft(values);
  };
  const askToSign = () => {
    const parsed = signSchema(breastImaging).safeParse(values);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setConfirming(true);
  };

  return (
    <form noValidate onSubmit={saveDraft} className="space-y-3" data-testid="report-form">
      <FormField id="report-findings" label={t('radiology.fields.findings')} error={errors.findings}>
        <textarea
          id="report-findings"
          data-testid="report-findings-input"
          aria-describedby="report-findings-error"
          rows={8}
          maxLength={20000}
          value={values.findings}
          onChange={(e) => set('findings', e.target.value)}
          className={TEXTAREA}
        />
      </FormField>
      <FormField id="report-impression" label={t('radiology.fields.impression')} error={errors.impression}>
        <textarea
          id="report-impression"
          data-testid="report-impression-input"
          aria-describedby="report-impression-error"
          rows={3}
          maxLength={5000}
          value={values.impression}
          onChange={(e) => set('impression', e.target.value)}
          className={TEXTAREA}
        />
      </FormField>
      <FormField id="report-recommendation" label={t('radiology.fields.recommendation')} error={errors.recommendation}>
        <textarea
          id="report-recommendation"
          data-testid="report-recommendation-input"
          rows={2}
          maxLength={5000}
          value={values.recommendation}
          onChange={(e) => set('recommendation', e.target.value)}
          className={TEXTAREA}
        />
      </FormField>
      {breastImaging ? (
        <FormField id="report-birads" label={t('radiology.fields.birads')} error={errors.birads}>
          <Select id="report-birads" data-testid="report-birads-input" aria-describedby="report-birads-error" value={values.birads} onChange={(e) => set('birads', e.target.value)}>
            <option value="">{t('radiology.biradsChoose')}</option>
            {BIRADS_CATEGORIES.map((c) => (
              <option key={c} value={String(c)}>
                {c} — {t(`radiology.birads.${c}`)}
              </option>
            ))}
          </Select>
        </FormField>
      ) : null}
      <Checkbox id="report-critical" data-testid="report-critical-input" label={t('radiology.criticalFlag')} checked={values.critical} onChange={(e) => set('critical', e.target.checked)} />
      {error ? (
        <Alert tone="error" data-testid="report-error">
          {error}
        </Alert>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" disabled={busy} data-testid="report-save-draft">
          {t('radiology.saveDraft')}
        </Button>
        <Button type="button" disabled={busy} onClick={askToSign} data-testid="report-sign">
          {t('radiology.sign')}
        </Button>
      </div>
      <SignConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('radiology.signConfirm.title')}
        description={t('radiology.signConfirm.description')}
        confirmLabel={t('radiology.signConfirm.confirm')}
        critical={values.critical}
        busy={busy}
        testId="report-sign-confirm"
        onConfirm={() => onSign(values)}
      />
    </form>
  );
}
