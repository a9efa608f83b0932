import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { BarChart } from '../../../components/charts/bar-chart';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Checkbox } from '../../../components/ui/checkbox';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { plainDecimal } from '../../../lib/plain-number';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import type { SuggestionView } from '../../../types/api';
import { useDecide, usePatientSuggestions, usePredict, usePrefill } from '../api/lung-risk';
import { LUNG_RISK_SYMPTOMS, RISK_BANDS } from '../lib/model-card';
import { BandBadge } from './band-badge';

type Symptom = (typeof LUNG_RISK_SYMPTOMS)[number];

/**
 * The lung-cancer risk assessment on a patient's chart: the inputs pre-filled from the record (sex, age), the 13
 * yes/no answers, and the result with its probability, band and the contribution of each input, which the clinician
 * accepts or rejects with a reason. States plainly that the model is a research/demonstration model.
 */
export function LungRiskSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const prefill = usePrefill(patientId, open);
  return (
    <Card data-testid="lung-risk">
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle>{t('ai.lungRisk.title')}</CardTitle>
        {!open ? (
          <Button size="sm" variant="secondary" onClick={() => setOpen(true)} data-testid="lung-risk-open">
            {t('ai.lungRisk.start')}
          </Button>
        ) : null}
      </CardHeader>
      <CardContent className="space-y-4">
        <Alert tone="warning" data-testid="lung-risk-disclaimer">
          {t('ai.lungRisk.disclaimer')}{' '}
          <Link className="underline" to="/ai/models/lung-risk">
            {t('ai.lungRisk.card')}
          </Link>
        </Alert>
        {open && prefill.data ? (
          <AssessmentForm
            key={`${patientId}-${prefill.data.sexCode}-${prefill.data.age}`}
            patientId={patientId}
            initialSex={prefill.data.sexCode ?? null}
            initialAge={prefill.data.age ?? null}
          />
        ) : null}
        {open && prefill.isError ? <Alert tone="error">{problemMessage(prefill.error, t)}</Alert> : null}
        <History patientId={patientId} />
      </CardContent>
    </Card>
  );
}

function AssessmentForm({ patientId, initialSex, initialAge }: { patientId: string; initialSex: number | null; initialAge: number | null }) {
  const { t } = useTranslation();
  const [sex, setSex] = useState(initialSex == null ? '' : String(initialSex));
  const [age, setAge] = useState(initialAge == null ? '' : String(initialAge));
  const [answers, setAnswers] = useState<Record<Symptom, boolean>>(
    () => Object.fromEntries(LUNG_RISK_SYMPTOMS.map((s) => [s, false])) as Record<Symptom, boolean>,
  );
  const predict = usePredict();
  // a plain whole number only: "  " is no age 0, "4.5e1" or "0x2D" no 45
  const ageNumber = plainDecimal(age);
  const ageValid = ageNumber !== undefined && Number.isInteger(ageNumber) && ageNumber >= 0 && ageNumber <= 120;
  const ready = sex !== '' && ageValid;
  const submit = () => {
    if (!ready || ageNumber === undefined) return;
    predict.mutate({ patientId, inputs: { sexCode: Number(sex), age: ageNumber, ...answers } });
  };
  return (
    <div className="space-y-4">
      <form
        className="space-y-3"
        data-testid="lung-risk-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField id="lung-risk-sex" label={t('ai.input.sex')} hint={initialSex != null ? t('ai.lungRisk.fromRecord') : undefined}>
            <Select id="lung-risk-sex" value={sex} onChange={(e) => setSex(e.target.value)} data-testid="lung-risk-sex">
              <option value="">{t('ai.lungRisk.choose')}</option>
              <option value="1">{t('ai.sex.1')}</option>
              <option value="2">{t('ai.sex.2')}</option>
            </Select>
          </FormField>
          <FormField
            id="lung-risk-age"
            label={t('ai.input.age')}
            error={age !== '' && !ageValid ? t('ai.lungRisk.ageRange') : undefined}
            hint={initialAge != null ? t('ai.lungRisk.fromRecord') : undefined}
          >
            <Input id="lung-risk-age" inputMode="numeric" value={age} onChange={(e) => setAge(e.target.value)} data-testid="lung-risk-age" />
          </FormField>
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t('ai.lungRisk.symptoms')}</legend>
          <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {LUNG_RISK_SYMPTOMS.map((s) => (
              <Checkbox
                key={s}
                id={`lung-risk-${s}`}
                label={t(`ai.input.${s}`)}
                checked={answers[s]}
                onChange={(e) => setAnswers((a) => ({ ...a, [s]: e.target.checked }))}
                data-testid={`lung-risk-${s}`}
              />
            ))}
          </div>
        </fieldset>
        <Button type="submit" disabled={!ready || predict.isPending} data-testid="lung-risk-run">
          {t('ai.lungRisk.run')}
        </Button>
      </form>
      {predict.isError ? <Alert tone="error">{problemMessage(predict.error, t)}</Alert> : null}
      {predict.data ? <Result suggestion={predict.data} /> : null}
    </div>
  );
}

function Result({ suggestion }: { suggestion: SuggestionView }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2, signDisplay: 'always' });
  const bars = (suggestion.contributions ?? [])
    .map((c) => ({ key: c.input ?? '', label: t(`ai.input.${c.input}`), value: c.logOdds ?? 0 }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-4" data-testid="lung-risk-result" data-suggestion-id={suggestion.id}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-2xl font-semibold tabular-nums" data-testid="lung-risk-probability">
          {percent.format(suggestion.probability ?? 0)}
        </span>
        <BandBadge band={suggestion.band} testId="lung-risk-band" />
        <span className="text-xs text-slate-500">
          {t('ai.lungRisk.provenance', { version: suggestion.modelVersion, sha: (suggestion.modelSha256 ?? '').slice(0, 12) })}
        </span>
      </div>
      <div>
        <p className="text-sm font-medium text-slate-700">{t('ai.lungRisk.contributions')}</p>
        <p className="text-xs text-slate-500">{t('ai.lungRisk.contributionsHint')}</p>
        <BarChart bars={bars} title={t('ai.lungRisk.contributions')} format={(v) => signed.format(v)} testId="lung-risk-contributions" />
      </div>
      <Decision suggestion={suggestion} />
    </div>
  );
}

function Decision({ suggestion }: { suggestion: SuggestionView }) {
  const { t } = useTranslation();
  const decide = useDecide();
  // one form at a time, each with its own reason: switching starts the other form empty
  const [mode, setMode] = useState<'reject' | 'edit' | undefined>();
  const [reason, setReason] = useState('');
  const [editReason, setEditReason] = useState('');
  const [band, setBand] = useState('');
  const [share, setShare] = useState(false);
  const open = (next: 'reject' | 'edit') => {
    if (next === mode) return;
    setMode(next);
    setReason('');
    setEditReason('');
    setBand('');
    decide.reset();
  };
  const decided = decide.data?.decision ?? suggestion.decision;
  if (decided) {
    return (
      <Alert tone="success" data-testid="lung-risk-decided">
        {t('ai.lungRisk.decided', { decision: t(`ai.decision.${decided}`) })}
      </Alert>
    );
  }
  const id = suggestion.id ?? '';
  return (
    <div className="space-y-2">
      <Checkbox
        id="lung-risk-share"
        label={t('ai.lungRisk.share')}
        checked={share}
        onChange={(e) => setShare(e.target.checked)}
        data-testid="lung-risk-share"
      />
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          onClick={() => decide.mutate({ id, decision: { decision: 'ACCEPTED', shareWithPatient: share } })}
          disabled={decide.isPending}
          data-testid="lung-risk-accept"
        >
          {t('ai.lungRisk.accept')}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => open('reject')} data-testid="lung-risk-reject">
          {t('ai.lungRisk.reject')}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => open('edit')} data-testid="lung-risk-edit">
          {t('ai.lungRisk.edit')}
        </Button>
      </div>
      {mode === 'edit' ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            // the server needs the band; the reason is optional for an edit (required for a rejection)
            if (band) {
              decide.mutate({
                id,
                decision: { decision: 'EDITED', editedBand: band, reason: editReason.trim() || undefined, shareWithPatient: share },
              });
            }
          }}
        >
          <FormField id="lung-risk-edited-band" label={t('ai.lungRisk.editedBand')}>
            <Select id="lung-risk-edited-band" value={band} onChange={(e) => setBand(e.target.value)} data-testid="lung-risk-edited-band">
              <option value="">{t('ai.lungRisk.choose')}</option>
              {RISK_BANDS.map((b) => (
                <option key={b} value={b}>
                  {t(`ai.band.${b}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id="lung-risk-edit-reason" label={t('ai.lungRisk.editReason')}>
            <Input
              id="lung-risk-edit-reason"
              value={editReason}
              maxLength={1000}
              onChange={(e) => setEditReason(e.target.value)}
              data-testid="lung-risk-edit-reason"
            />
          </FormField>
          <Button type="submit" size="sm" disabled={!band || decide.isPending} data-testid="lung-risk-edit-confirm">
            {t('ai.lungRisk.editConfirm')}
          </Button>
        </form>
      ) : null}
      {mode === 'reject' ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) decide.mutate({ id, decision: { decision: 'REJECTED', reason: reason.trim(), shareWithPatient: share } });
          }}
        >
          <FormField id="lung-risk-reason" label={t('ai.lungRisk.reason')}>
            <Input id="lung-risk-reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} data-testid="lung-risk-reason" />
          </FormField>
          <Button type="submit" size="sm" variant="danger" disabled={!reason.trim() || decide.isPending} data-testid="lung-risk-reject-confirm">
            {t('ai.lungRisk.rejectConfirm')}
          </Button>
        </form>
      ) : null}
      {decide.isError ? <Alert tone="error">{problemMessage(decide.error, t)}</Alert> : null}
    </div>
  );
}

function History({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const list = usePatientSuggestions(patientId);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  if (!list.data?.length) return null;
  return (
    <div>
      <p className="text-sm font-medium text-slate-700">{t('ai.lungRisk.history')}</p>
      <ul className="divide-y divide-slate-100 text-sm" data-testid="lung-risk-history">
        {list.data.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-2 py-1">
            <span className="text-slate-500">{s.createdAt ? formatInstant(s.createdAt, i18n.language) : null}</span>
            <span className="tabular-nums">{percent.format(s.probability ?? 0)}</span>
            <BandBadge band={s.band} />
            {s.decision === 'EDITED' && s.decisions?.at(-1)?.editedBand ? (
              <span className="flex items-center gap-1" data-testid="lung-risk-history-edited">
                <span className="text-slate-500">{t('ai.lungRisk.editedTo')}</span>
                <BandBadge band={s.decisions.at(-1)?.editedBand} />
              </span>
            ) : null}
            {s.decision ? <Badge tone="neutral">{t(`ai.decision.${s.decision}`)}</Badge> : <Badge tone="warning">{t('ai.decision.none')}</Badge>}
            {s.createdBy ? <span className="text-slate-500">{s.createdBy}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
