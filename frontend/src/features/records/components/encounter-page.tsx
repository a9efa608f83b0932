import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useParams } from 'react-router-dom';
import { PatientBanner } from '../../../components/patient/patient-banner';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Checkbox } from '../../../components/ui/checkbox';
import { EmptyState } from '../../../components/ui/empty-state';
import { FormField, fieldProps } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { EvidenceLink } from '../../../components/evidence-link';
import { isApiProblem, problemFieldErrors, toApiProblem } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/form-errors';
import { hasAnyRole } from '../../../lib/roles';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import type { EncounterDetailView, NoteDraftView, NoteView, NoteVersionView } from '../../../types/api';
import { useCompleteVisit } from '../api/complete-visit';
import { useFinishEncounter } from '../api/finish-encounter';
import { useEncounter } from '../api/get-encounter';
import { useNoteVersions } from '../api/get-note-versions';
import { noteDraftKey } from '../api/keys';
import { useNoteDraft } from '../api/note-draft';
import { useNoteAutosave } from '../hooks/use-note-autosave';
import { diagnosisSchema, useRecordDiagnosis } from '../api/record-diagnosis';
import { useRecordVitals } from '../api/record-vitals';
import { AMEND_REASON_MAX, NOTE_PART_MAX, noteSchema, useSaveNote, type NoteForm } from '../api/write-note';
import { previewBmi } from '../lib/bmi';
import { draftApplies, sameText, soapOf } from '../lib/note-draft';
import { parseVitals, VITAL_FIELDS, type VitalField } from '../lib/vitals';
import { EncounterStatusBadge } from './encounter-status-badge';
import { VoidEncounterButton } from './void-encounter-dialog';

const SOAP_PARTS = ['subjective', 'objective', 'assessment', 'plan'] as const;

/**
 * /encounters/:id: the visit with its SOAP note, vitals and diagnoses; doctors and nurses write while it is open.
 * A doctor may void a visit recorded by mistake (entered in error, with a reason); it then reads only.
 * A doctor orders from the visit with the order basket (`orderBasket`, ADR 0033); the note autosaves as a draft.
 * `notFound` (the app's 404 page) replaces the page when the server answers 404 — someone else's visit, to a patient.
 */
export function EncounterPage({
  roles,
  notFound,
  orderBasket,
}: {
  roles?: readonly string[];
  notFound?: ReactNode;
  /** The orders feature's basket for an open visit (the app composes features; they never import each other). */
  orderBasket?: (patientId: string, doctorId?: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const encounter = useEncounter(id);
  const data = encounter.data;
  const voided = data?.encounter?.status === 'ENTERED_IN_ERROR';
  const writable = !voided;
  const isDoctor = hasAnyRole(roles, ['DOCTOR']);
  const isNurse = hasAnyRole(roles, ['NURSE']);
  if (notFound && isApiProblem(encounter.error) && encounter.error.status === 404) return <>{notFound}</>;
  return (
    <div data-testid="encounter-page" className="space-y-4">
      {data?.encounter?.patientId && !hasAnyRole(roles, ['PATIENT']) ? (
        <Link to={`/patients/${data.encounter.patientId}`} data-testid="encounter-back-to-patient" className="inline-block text-sm text-sky-700 hover:underline">
          ← {t('records.backToPatient')}
        </Link>
      ) : null}
      {!hasAnyRole(roles, ['PATIENT']) ? <PatientBanner patientId={data?.encounter?.patientId} /> : null}
      <PageHeader title={t('records.encounterTitle')} />
      {encounter.isPending ? <Spinner className="py-12" /> : null}
      {encounter.isError ? (
        <Alert tone={isApiProblem(encounter.error) && encounter.error.status === 404 ? 'warning' : 'error'}>
          {problemMessage(encounter.error, t)}
        </Alert>
      ) : null}
      {data?.encounter ? (
        <>
          <Card>
            <CardContent className="flex flex-wrap items-center gap-3 pt-4 text-sm">
              <span className="tabular-nums">{formatInstant(data.encounter.startedAt, i18n.language)}</span>
              <span>{data.encounter.doctorName}</span>
              <EncounterStatusBadge status={data.encounter.status} />
              {isDoctor && data.encounter.status === 'OPEN' ? <FinishButton detail={data} /> : null}
              {isDoctor && !voided ? <VoidEncounterButton encounterId={id} /> : null}
              {voided && data.encounter.voidReason ? (
                <p className="w-full text-slate-700" data-testid="encounter-void-reason">
                  {t('records.void.voidedReason', { reason: data.encounter.voidReason })}
                </p>
              ) : null}
            </CardContent>
          </Card>
          <NoteCard encounterId={id} notes={data.notes ?? []} canWrite={isDoctor && writable} />
          {isDoctor && data.encounter.status === 'OPEN' && data.encounter.patientId && orderBasket ? orderBasket(data.encounter.patientId, data.encounter.doctorId) : null}
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <VitalsCard detail={data} canWrite={(isDoctor || isNurse) && writable} />
            <DiagnosesCard detail={data} canWrite={isDoctor && writable} />
          </div>
        </>
      ) : null}
    </div>
  );
}

/** Completes the appointment (which finishes the encounter on the server) or, for a walk-in, the encounter. */
function FinishButton({ detail }: { detail: EncounterDetailView }) {
  const { t } = useTranslation();
  const complete = useCompleteVisit();
  const finish = useFinishEncounter();
  const appointmentId = detail.encounter?.appointmentId;
  const failed = complete.error ?? finish.error;
  return (
    <>
      <Button
        size="sm"
        data-testid="complete-visit"
        disabled={complete.isPending || finish.isPending}
        onClick={() => (appointmentId ? complete.mutate(appointmentId) : finish.mutate(detail.encounter?.id ?? ''))}
      >
        {t('records.completeVisit')}
      </Button>
      {failed ? <Alert tone="error">{problemMessage(failed, t)}</Alert> : null}
    </>
  );
}

function NoteCard({ encounterId, notes, canWrite }: { encounterId: string; notes: NoteView[]; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const latest = notes[0];
  const [showHistory, setShowHistory] = useState(false);
  return (
    <Card data-testid="soap-note">
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle>{t('records.note.title')}</CardTitle>
        {latest?.id && (latest.version ?? 0) > 0 ? (
          <Button size="sm" variant="secondary" data-testid="note-history-toggle" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
            {showHistory ? t('records.note.history.hide') : t('records.note.history.show', { count: (latest.version ?? 0) + 1 })}
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        {canWrite ? (
          <NoteForm key={`${latest?.id}-${latest?.version}`} encounterId={encounterId} note={latest} />
        ) : latest ? (
          <dl className="space-y-2 text-sm">
            {SOAP_PARTS.map((part) => (
              <div key={part}>
                <dt className="font-medium text-slate-600">{t(`records.note.${part}`)}</dt>
                <dd className="whitespace-pre-wrap">{latest[part]}</dd>
              </div>
            ))}
            <p className="text-xs text-slate-500">
              {latest.authoredBy} · {formatInstant(latest.amendedAt ?? latest.authoredAt, i18n.language)}
            </p>
          </dl>
        ) : (
          <EmptyState title={t('records.note.none')} />
        )}
        {latest?.amendedAt ? (
          <p className="mt-2 text-xs text-slate-500" data-testid="note-amended">
            {t('records.note.amendedBy', { name: latest.amendedBy ?? '', time: formatInstant(latest.amendedAt, i18n.language) })}
          </p>
        ) : null}
        {latest?.id && showHistory ? <NoteHistory encounterId={encounterId} noteId={latest.id} /> : null}
      </CardContent>
    </Card>
  );
}

/** Every version of the note, the original first: who wrote it, when, why, and the text as it was. */
function NoteHistory({ encounterId, noteId }: { encounterId: string; noteId: string }) {
  const { t, i18n } = useTranslation();
  const versions = useNoteVersions(encounterId, noteId, true);
  if (versions.isPending) return <Spinner className="py-4" />;
  if (versions.isError) return <Alert tone="error">{problemMessage(versions.error, t)}</Alert>;
  return (
    <ol className="mt-4 space-y-3 border-t border-slate-200 pt-3" data-testid="note-history" aria-label={t('records.note.history.title')}>
      {versions.data.map((v: NoteVersionView) => (
        <li key={v.version} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="note-version">
          <p className="mb-2 text-xs text-slate-600">
            <span className="font-medium">
              {v.version === 0 ? t('records.note.history.original') : t('records.note.history.amendment', { number: v.version })}
            </span>
            {' · '}
            {v.writtenBy} · <span className="tabular-nums">{formatInstant(v.writtenAt, i18n.language)}</span>
          </p>
          {v.reason ? (
            <p className="mb-2 text-xs" data-testid="note-version-reason">
              {t('records.note.history.reason')}: {v.reason}
            </p>
          ) : null}
          <dl className="space-y-1">
            {SOAP_PARTS.filter((part) => (v[part] ?? '').trim() !== '').map((part) => (
              <div key={part}>
                <dt className="font-medium text-slate-600">{t(`records.note.${part}`)}</dt>
                <dd className="whitespace-pre-wrap">{v[part]}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}

function NoteForm({ encounterId, note }: { encounterId: string; note: NoteView | undefined }) {
  const draft = useNoteDraft(encounterId, true);
  if (draft.isPending) return <Spinner className="py-4" />;
  return <NoteFormFields encounterId={encounterId} note={note} draft={draftApplies(draft.data, note) ? (draft.data ?? undefined) : undefined} />;
}

function NoteFormFields({ encounterId, note, draft }: { encounterId: string; note: NoteView | undefined; draft: NoteDraftView | undefined }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const save = useSaveNote();
  const noteText = soapOf(note);
  const [form, setForm] = useState<NoteForm>(() => (draft ? soapOf(draft) : noteText));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const problem = save.error ? toApiProblem(save.error) : null;
  const fieldErrors = { ...problemFieldErrors(problem), ...errors };
  const autosave = useNoteAutosave(
    encounterId,
    note,
    noteText,
    form,
    draft ? { text: soapOf(draft), savedAt: draft.savedAt } : undefined,
    save.isPending || save.isSuccess,
  );
  const { onServer, savedAt } = autosave;
  const unsaved = !sameText(form, onServer) && !save.isSuccess;

  // text not yet on the server: warn before the tab closes or the app navigates away
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  const blocker = useBlocker(unsaved);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('records.note.draft.unsaved'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);

  const submit = () => {
    const parsed = noteSchema.safeParse(form);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    autosave.stop();
    save.mutate(
      { encounterId, noteId: note?.id, version: note?.version, note: parsed.data, reason: note ? reason : undefined },
      // the server deleted the draft with the note: forget it here too, before the form shows the new version
      { onSuccess: () => queryClient.setQueryData(noteDraftKey(encounterId), null) },
    );
  };
  return (
    <form
      className="space-y-3"
      data-testid="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {draft ? (
        <Alert tone="info" data-testid="note-draft-restored">
          {t('records.note.draft.restored', { time: formatInstant(draft.savedAt, i18n.language) })}
        </Alert>
      ) : null}
      {SOAP_PARTS.map((part) => (
        <FormField key={part} id={`note-${part}`} label={t(`records.note.${part}`)} error={fieldErrors[part]}>
          <textarea
            {...fieldProps(`note-${part}`, fieldErrors[part])}
            rows={3}
            maxLength={NOTE_PART_MAX}
            data-testid={`note-${part}`}
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
            value={form[part]}
            onChange={(e) => setForm({ ...form, [part]: e.target.value })}
          />
        </FormField>
      ))}
      {note ? (
        <FormField id="note-reason" label={t('records.note.reason')} hint={t('records.note.reasonHint')} error={fieldErrors.reason}>
          <Input
            {...fieldProps('note-reason', fieldErrors.reason)}
            maxLength={AMEND_REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </FormField>
      ) : null}
      {problem && problem.code === 'stale-version' ? <Alert tone="warning">{t('records.note.stale')}</Alert> : null}
      {problem && problem.code !== 'stale-version' && problem.status !== 400 ? <Alert tone="error">{problemMessage(save.error, t)}</Alert> : null}
      {save.isSuccess ? <p role="status" className="text-sm text-emerald-700">{t('records.saved')}</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {note ? t('records.note.amend') : t('records.note.save')}
        </Button>
        <span className="text-xs text-slate-500" role="status" data-testid="note-draft-status">
          {autosave.saving
            ? t('records.note.draft.saving')
            : autosave.failed
              ? t('records.note.draft.failed')
              : !unsaved && savedAt && !sameText(form, noteText)
                ? t('records.note.draft.saved', { time: formatInstant(savedAt, i18n.language) })
                : ''}
        </span>
      </div>
    </form>
  );
}

/** The vitals form and the recorded sets (exported for its test). */
export function VitalsCard({ detail, canWrite }: { detail: EncounterDetailView; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const record = useRecordVitals();
  const empty = Object.fromEntries(VITAL_FIELDS.map((f) => [f, ''])) as Record<VitalField, string>;
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const problem = record.error ? toApiProblem(record.error) : null;
  const fieldErrors = { ...problemFieldErrors(problem), ...errors };
  // errors no field can show (an empty pointer: "vitals.empty"), said in the general alert
  const unplaced = (problem?.errors ?? []).filter(
    (e) => !(VITAL_FIELDS as readonly string[]).includes(e.pointer.replace(/^#?\//, '').split('/')[0] ?? ''),
  );
  const bmi = previewBmi(form.heightCm, form.weightKg);
  const submit = () => {
    const parsed = parseVitals(form);
    const keys = Object.entries(parsed.errors);
    if (keys.length > 0) {
      setErrors(Object.fromEntries(keys.map(([f, key]) => [f, t(key)])));
      record.reset();
      return;
    }
    setErrors({});
    record.mutate({ encounterId: detail.encounter?.id ?? '', body: parsed.body }, { onSuccess: () => setForm(empty) });
  };
  return (
    <Card data-testid="vitals">
      <CardHeader>
        <CardTitle>{t('records.vitals.title')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {canWrite ? (
          <form
            className="grid grid-cols-2 gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            {VITAL_FIELDS.map((f) => (
              <FormField key={f} id={`vitals-${f}`} label={t(`records.vitals.${f}`)} error={fieldErrors[f]}>
                <Input
                  {...fieldProps(`vitals-${f}`, fieldErrors[f])}
                  inputMode="decimal"
                  value={form[f]}
                  onChange={(e) => setForm({ ...form, [f]: e.target.value })}
                />
              </FormField>
            ))}
            <p className="col-span-2 text-sm" data-testid="bmi-preview">
              {t('records.vitals.bmi')}: {bmi ?? '—'}
            </p>
            {problem && (problem.errors.length === 0 || unplaced.length > 0) ? (
              <Alert tone="error" className="col-span-2" data-testid="vitals-error" title={problemMessage(record.error, t)}>
                {unplaced.length > 0 ? unplaced.map((e) => e.message).join(' ') : null}
              </Alert>
            ) : null}
            <Button type="submit" className="col-span-2" disabled={record.isPending}>
              {t('records.vitals.save')}
            </Button>
          </form>
        ) : null}
        {detail.vitals?.length === 0 ? <EmptyState title={t('records.vitals.none')} /> : null}
        <ul className="divide-y divide-slate-100 text-sm">
          {detail.vitals?.map((v) => (
            <li key={v.id} className="py-1" data-testid="vitals-row">
              <span className="tabular-nums text-slate-500">{formatInstant(v.measuredAt, i18n.language)}</span>{' '}
              {[
                v.systolic != null ? t('records.vitals.short.bp', { systolic: v.systolic, diastolic: v.diastolic }) : null,
                v.heartRate != null ? t('records.vitals.short.hr', { value: v.heartRate }) : null,
                v.respiratoryRate != null ? t('records.vitals.short.rr', { value: v.respiratoryRate }) : null,
                v.temperatureC != null ? t('records.vitals.short.temperature', { value: v.temperatureC }) : null,
                v.spo2 != null ? t('records.vitals.short.spo2', { value: v.spo2 }) : null,
                v.heightCm != null ? t('records.vitals.short.height', { value: v.heightCm }) : null,
                v.weightKg != null ? t('records.vitals.short.weight', { value: v.weightKg }) : null,
                v.bmi != null ? t('records.vitals.short.bmi', { value: v.bmi }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function DiagnosesCard({ detail, canWrite }: { detail: EncounterDetailView; canWrite: boolean }) {
  const { t } = useTranslation();
  const record = useRecordDiagnosis();
  const diagnoses = detail.encounter?.diagnoses ?? [];
  const [form, setForm] = useState({ code: '', description: '', primary: diagnoses.length === 0 });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const problem = record.error ? toApiProblem(record.error) : null;
  const fieldErrors = { ...problemFieldErrors(problem), ...errors };
  const submit = () => {
    const parsed = diagnosisSchema.safeParse({ ...form, code: form.code.toUpperCase() });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    record.mutate(
      { encounterId: detail.encounter?.id ?? '', body: parsed.data },
      { onSuccess: () => setForm({ code: '', description: '', primary: false }) },
    );
  };
  return (
    <Card data-testid="diagnoses">
      <CardHeader>
        <CardTitle>{t('records.diagnosis.title')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {diagnoses.length === 0 ? <EmptyState title={t('records.diagnosis.none')} /> : null}
        <ul className="text-sm">
          {diagnoses.map((d) => (
            <li key={d.id} data-testid="diagnosis-row">
              <span className="font-mono">{d.code}</span> {d.description}{' '}
              <span className="text-slate-500">({t(d.primary ? 'records.diagnosis.primary' : 'records.diagnosis.secondary')})</span>{' '}
              <EvidenceLink context="DIAGNOSIS" terms={[d.description]} testId="diagnosis-evidence" />
            </li>
          ))}
        </ul>
        {canWrite ? (
          <form
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <FormField id="diagnosis-code" label={t('records.diagnosis.code')} error={fieldErrors.code}>
              <Input {...fieldProps('diagnosis-code', fieldErrors.code)} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
            </FormField>
            <FormField id="diagnosis-description" label={t('records.diagnosis.description')} error={fieldErrors.description}>
              <Input
                {...fieldProps('diagnosis-description', fieldErrors.description)}
                value={form.description}
                onChange={(e) => setForm({ ...form, description: e.target.value })}
              />
            </FormField>
            {/* a line of its own: inline, the label ran into the add button */}
            <div>
              <Checkbox label={t('records.diagnosis.primary')} checked={form.primary} onChange={(e) => setForm({ ...form, primary: e.target.checked })} />
            </div>
            {problem && !problem.errors?.length ? <Alert tone="error">{problemMessage(record.error, t)}</Alert> : null}
            <Button type="submit" disabled={record.isPending}>
              {t('records.diagnosis.add')}
            </Button>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
