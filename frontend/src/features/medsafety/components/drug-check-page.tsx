import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Input } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { zodFieldErrors } from '../../../lib/form-errors';
import { problemMessage } from '../../../lib/problem-message';
import type { ActiveMedication, DrugSuggestion, RecordedAllergy } from '../../../types/api';
import { medicationCheckSchema, useCheckMedications } from '../api/check-medications';
import { useRecordDecisions } from '../api/record-decisions';
import { DrugAutocomplete, drugLabel } from '../../../components/safety/drug-autocomplete';
import { SafetyAlertDialog, type OverrideDecision } from '../../../components/safety/safety-alert-dialog';
import { SafetyAlertList } from '../../../components/safety/safety-alert-list';
import { searchDrugs } from '../api/search-drugs';

interface ProposedRow {
  ingredientId?: string;
  name: string;
  dose: string;
  unit: string;
  frequencyPerDay: string;
}

/** /drug-check: proposed drugs against active medications and allergies. */
export function DrugCheckPage() {
  const { t, i18n } = useTranslation();
  const [proposed, setProposed] = useState<ProposedRow[]>([]);
  const [active, setActive] = useState<(ActiveMedication & { name: string })[]>([]);
  const [allergies, setAllergies] = useState<(RecordedAllergy & { label: string })[]>([]);
  const [formError, setFormError] = useState<string>();
  const [age, setAge] = useState('');
  const [weight, setWeight] = useState('');
  const [dialogOpen, setDialogOpen] = useState(false);
  const [override, setOverride] = useState<string>();
  const check = useCheckMedications();
  const decide = useRecordDecisions();
  const result = check.data;

  /**
   * Going on despite the alerts: one OVERRIDDEN decision per rule shown, recorded with the check's id (for an
   * incomplete check's alert, the dialog's acknowledgement is that decision).
   */
  const recordOverride = ({ reasonCode: code, comment }: OverrideDecision) => {
    setOverride(t('medsafety.check.overrideNoted', { reason: code ? t(`medsafety.override.${code}`) : '—', comment: comment || '—' }));
    const ruleIds = [...new Set((result?.alerts ?? []).map((alert) => alert.ruleId).filter((id): id is string => !!id))];
    if (!result?.checkId || ruleIds.length === 0) return;
    decide.mutate({
      checkId: result.checkId,
      decisions: ruleIds.map((ruleId) => ({ ruleId, action: 'OVERRIDDEN', reasonCode: code, comment: comment || undefined })),
    });
  };

  const toDrug = (drug: DrugSuggestion) => ({ ingredientId: drug.id, name: drugLabel(drug, i18n.language, t) });
  const updateProposed = (index: number, change: Partial<ProposedRow>) =>
    setProposed((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const num = (value: string) => (value.trim() === '' ? undefined : Number(value));

  const runCheck = () => {
    const parsed = medicationCheckSchema.safeParse({
      proposed: proposed.map((row) => ({
        ingredientId: row.ingredientId,
        name: row.name,
        dose: num(row.dose),
        unit: row.unit.trim() || undefined,
        frequencyPerDay: num(row.frequencyPerDay),
      })),
      activeMedications: active.map(({ ingredientId, name }) => ({ ingredientId, name })),
      allergies: allergies.map(({ allergenId, text }) => ({ allergenId, text })),
      ageYears: num(age),
      weightKg: num(weight),
    });
    if (!parsed.success) {
      setFormError(Object.values(zodFieldErrors(parsed.error))[0] ?? t('validation.required'));
      return;
    }
    setFormError(undefined);
    setOverride(undefined);
    decide.reset();
    check.mutate(parsed.data);
  };

  const removeButton = (onClick: () => void, name: string) => (
    <Button size="sm" variant="ghost" aria-label={t('medsafety.check.remove', { name })} onClick={onClick}>
      ✕
    </Button>
  );

  return (
    <div data-testid="drug-check-page">
      <PageHeader title={t('medsafety.check.title')} description={t('medsafety.check.description')} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>{t('medsafety.check.proposed')}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <DrugAutocomplete
              search={searchDrugs}
              label={t('medsafety.check.addDrug')}
              testId="drug-search"
              onPick={(drug) => setProposed((rows) => [...rows, { ...toDrug(drug), dose: '', unit: '', frequencyPerDay: '' }])}
            />
            <ul className="space-y-2" data-testid="proposed-list">
              {proposed.map((row, index) => (
                <li key={`${row.ingredientId}-${index}`} className="rounded-md border border-slate-200 p-2" data-testid="proposed-item">
                  <div className="flex items-center justify-between gap-2 text-sm font-medium">
                    {row.name}
                    {removeButton(() => setProposed((rows) => rows.filter((_, i) => i !== index)), row.name)}
                  </div>
                  <div className="mt-1 grid grid-cols-3 gap-1">
                    <Input aria-label={t('medsafety.check.dose')} placeholder={t('medsafety.check.dose')} type="number" min={0} step="any" data-testid={`dose-${index}`} value={row.dose} onChange={(event) => updateProposed(index, { dose: event.target.value })} />
                    <Input aria-label={t('medsafety.check.unit')} placeholder={t('medsafety.check.unit')} maxLength={20} data-testid={`unit-${index}`} value={row.unit} onChange={(event) => updateProposed(index, { unit: event.target.value })} />
                    <Input aria-label={t('medsafety.check.frequency')} placeholder={t('medsafety.check.frequency')} type="number" min={1} max={48} data-testid={`frequency-${index}`} value={row.frequencyPerDay} onChange={(event) => updateProposed(index, { frequencyPerDay: event.target.value })} />
                  </div>
                </li>
              ))}
            </ul>
            {proposed.length === 0 ? <p className="text-sm text-slate-500">{t('medsafety.check.noneProposed')}</p> : null}
            <div className="grid grid-cols-2 gap-2">
              <Input aria-label={t('medsafety.check.age')} placeholder={t('medsafety.check.age')} type="number" min={0} max={150} data-testid="patient-age" value={age} onChange={(event) => setAge(event.target.value)} />
              <Input aria-label={t('medsafety.check.weight')} placeholder={t('medsafety.check.weight')} type="number" min={0} step="any" data-testid="patient-weight" value={weight} onChange={(event) => setWeight(event.target.value)} />
            </div>
            <p className="text-xs text-slate-500">{t('medsafety.check.ageHint')}</p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('medsafety.check.active')}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <DrugAutocomplete
              search={searchDrugs} label={t('medsafety.check.addActive')} testId="active-drug-search" onPick={(drug) => setActive((rows) => [...rows, toDrug(drug)])} />
            <ul className="space-y-1" data-testid="active-list">
              {active.map((row, index) => (
                <li key={`${row.ingredientId}-${index}`} className="flex items-center justify-between text-sm" data-testid="active-item">
                  {row.name}
                  {removeButton(() => setActive((rows) => rows.filter((_, i) => i !== index)), row.name)}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('medsafety.check.allergies')}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <DrugAutocomplete
              search={searchDrugs}
              label={t('medsafety.check.addAllergy')}
              testId="allergy-search"
              onPick={(drug) => setAllergies((rows) => [...rows, { allergenId: drug.id, label: drugLabel(drug, i18n.language, t) }])}
              onFreeText={(text) => setAllergies((rows) => [...rows, { text, label: text }])}
            />
            <ul className="space-y-1" data-testid="allergy-list">
              {allergies.map((row, index) => (
                <li key={`${row.allergenId ?? row.text}-${index}`} className="flex items-center justify-between text-sm" data-testid="allergy-item">
                  {row.label}
                  {removeButton(() => setAllergies((rows) => rows.filter((_, i) => i !== index)), row.label)}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>

      <div className="my-4 flex flex-wrap items-center gap-2">
        <Button data-testid="run-check" disabled={check.isPending} onClick={runCheck}>
          {t('medsafety.check.run')}
        </Button>
        {result?.alerts?.length ? (
          <Button variant="secondary" data-testid="open-alert-dialog" onClick={() => setDialogOpen(true)}>
            {t('medsafety.check.openDialog')}
          </Button>
        ) : null}
      </div>
      {formError ? (
        <Alert tone="error" className="mb-4">
          {formError}
        </Alert>
      ) : null}
      {check.isError ? (
        <Alert tone="error" className="mb-4">
          {problemMessage(check.error, t)}
        </Alert>
      ) : null}
      {check.isPending ? <Spinner /> : null}

      {result ? (
        <section aria-labelledby="check-results" data-testid="check-results">
          <h2 id="check-results" className="mb-3 text-lg font-semibold text-slate-900">
            {t('medsafety.check.results')}
          </h2>
          {result.complete === false ? (
            <Alert tone="warning" className="mb-4 border-2" data-testid="check-incomplete" title={`⚠️ ${t('medsafety.check.incompleteTitle')}`}>
              {result.kb?.problem ?? t('medsafety.check.incompleteBody')}
            </Alert>
          ) : null}
          <SafetyAlertList alerts={result.alerts} />
          {override ? (
            <p className="mt-3 text-sm text-slate-600" data-testid="override-summary">
              {override}
            </p>
          ) : null}
          {decide.isSuccess ? (
            <Alert tone="success" className="mt-3" data-testid="override-recorded">
              {t('medsafety.check.overrideRecorded')}
            </Alert>
          ) : null}
          {decide.isError ? (
            <Alert tone="error" className="mt-3" data-testid="override-error">
              {problemMessage(decide.error, t)}
            </Alert>
          ) : null}
          <p className="mt-4 text-xs text-slate-500" data-testid="kb-version">
            {t('medsafety.kb.versionLine', { version: result.kb?.version ?? '—' })}
          </p>
          <SafetyAlertDialog
            alerts={result.alerts ?? []}
            open={dialogOpen}
            onOpenChange={setDialogOpen}
            onConfirm={recordOverride}
          />
        </section>
      ) : null}
    </div>
  );
}
