import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PatientBanner } from '../../../components/patient/patient-banner';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Input } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { isApiProblem } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem-message';
import { ALLERGY_READER_ROLES, CHART_ROLES, hasAnyRole } from '../../../lib/roles';
import { formatInstant } from '../../../lib/time';
import type { PatientView } from '../../../types/api';
import { usePatient } from '../api/get-patient';
import { usePatientHistory } from '../api/get-patient-history';
import { useMergedRecords } from '../api/check-duplicates';
import { useInactivatePatient } from '../api/inactivate-patient';
import { useIssuePortalCode } from '../api/issue-portal-code';
import { useRevealRrn } from '../api/reveal-rrn';
import { useUpdatePatient } from '../api/save-patient';
import { ClinicalListSection } from './clinical-list-section';
import { PatientFormFields } from './patient-form';

const EDIT_ROLES = ['ADMIN_STAFF', 'DOCTOR', 'NURSE'];
const INACTIVATE_ROLES = ['ADMIN_STAFF', 'DOCTOR'];
const REVEAL_ROLES = ['ADMIN_STAFF', 'ADMIN'];
const PORTAL_CODE_ROLES = ['ADMIN_STAFF', 'ADMIN'];
const CLINICAL_WRITE_ROLES = ['DOCTOR', 'NURSE', 'PHARMACIST'];
const ORDER_ROLES = ['DOCTOR'];
const IMAGING_VIEWER_ROLES = ['DOCTOR', 'NURSE', 'RADIOGRAPHER', 'RADIOLOGIST'];

/**
 * /patients/:id: demographics (masked RRN), edit, inactivate, change history and the clinical lists; `children` are
 * sections the app adds from other features (encounters, timeline).
 */
export function PatientDetailPage({ roles, children }: { roles?: readonly string[]; children?: ReactNode }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const patient = usePatient(id);
  const [editing, setEditing] = useState(false);

  return (
    <div data-testid="patient-detail-page" className="space-y-4">
      <Link
        to="/patients"
        className="inline-block text-sm text-sky-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      >
        ← {t('patients.backToList')}
      </Link>
      {patient.data ? <PatientBanner patientId={id} /> : null}
      <PageHeader
        title={t('patients.detailTitle')}
        actions={
          <div className="flex gap-2">
            {hasAnyRole(roles, IMAGING_VIEWER_ROLES) ? (
              <Button asChild variant="secondary">
                <Link to={`/patients/${id}/imaging`} data-testid="patient-imaging">
                  {t('patients.imaging')}
                </Link>
              </Button>
            ) : null}
            {hasAnyRole(roles, ORDER_ROLES) && patient.data?.active ? (
              <Button asChild>
                <Link to={`/patients/${id}/orders/new`} data-testid="patient-new-order">
                  {t('patients.newOrder')}
                </Link>
              </Button>
            ) : null}
          </div>
        }
      />
      {patient.isPending ? <Spinner className="py-12" /> : null}
      {patient.isError ? (
        isApiProblem(patient.error) && patient.error.status === 404 ? (
          <Alert tone="warning" data-testid="patient-not-found">
            {t('patients.notFound')}
          </Alert>
        ) : (
          <Alert tone="error">{problemMessage(patient.error, t)}</Alert>
        )
      ) : null}
      {patient.data ? (
        <>
          <MergeLinks patient={patient.data} />
          {/* allergies, medications and problems before the demographics: above the fold, also on a phone (issue 15) */}
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
            {hasAnyRole(roles, ALLERGY_READER_ROLES) ? (
              <ClinicalListSection patientId={id} kind="allergies" canWrite={hasAnyRole(roles, CLINICAL_WRITE_ROLES)} />
            ) : null}
            {hasAnyRole(roles, CHART_ROLES) ? (
              <>
                <ClinicalListSection patientId={id} kind="medications" canWrite={hasAnyRole(roles, CLINICAL_WRITE_ROLES)} />
                <ClinicalListSection patientId={id} kind="problems" canWrite={hasAnyRole(roles, CLINICAL_WRITE_ROLES)} />
              </>
            ) : null}
          </div>
          {editing ? (
            <EditCard patient={patient.data} onDone={() => setEditing(false)} />
          ) : (
            <Demographics
              patient={patient.data}
              canReveal={hasAnyRole(roles, REVEAL_ROLES)}
              actions={
                hasAnyRole(roles, EDIT_ROLES) && patient.data.active ? (
                  <Button size="sm" variant="secondary" data-testid="patient-edit" onClick={() => setEditing(true)}>
                    {t('patients.edit')}
                  </Button>
                ) : null
              }
            />
          )}
          {hasAnyRole(roles, INACTIVATE_ROLES) && patient.data.active ? <InactivateCard id={id} /> : null}
          {hasAnyRole(roles, PORTAL_CODE_ROLES) && patient.data.active ? <PortalCodeCard id={id} /> : null}
          {children}
          <HistoryCard id={id} />
        </>
      ) : null}
    </div>
  );
}

function Demographics({ patient: p, canReveal, actions }: { patient: PatientView; canReveal: boolean; actions: ReactNode }) {
  const { t } = useTranslation();
  const reveal = useRevealRrn();
  const rows: [string, ReactNode][] = [
    [t('patients.columns.mrn'), <span className="font-mono">{p.mrn}</span>],
    [t('patients.columns.name'), p.name],
    [t('patients.columns.nameLatin'), p.nameLatin],
    [t('patients.columns.birthDate'), <span className="tabular-nums">{p.birthDate}</span>],
    [t('patients.columns.sex'), p.sex ? t(`patients.sex.${p.sex}`, { defaultValue: p.sex }) : ''],
    [t('patients.form.phone'), p.phone],
    [t('patients.form.address'), p.address],
    [t('patients.form.bloodType'), p.bloodType === 'unknown' ? t('patients.form.bloodUnknown') : p.bloodType],
    [t('patients.form.emergencyContactName'), [p.emergencyContactName, p.emergencyContactPhone].filter(Boolean).join(' · ')],
    [
      t('patients.form.rrn'),
      <span className="flex items-center gap-2">
        <span className="font-mono" data-testid="patient-rrn-value">
          {reveal.data?.rrn ?? p.rrnMasked ?? '—'}
        </span>
        {canReveal && p.rrnMasked && !reveal.data ? (
          <Button size="sm" variant="secondary" data-testid="reveal-rrn" disabled={reveal.isPending} onClick={() => reveal.mutate(p.id ?? '')}>
            {t('patients.revealRrn')}
          </Button>
        ) : null}
      </span>,
    ],
    [
      t('patients.columns.active'),
      <Badge tone={p.active ? 'success' : 'neutral'}>{p.active ? t('common.active') : t('common.inactive')}</Badge>,
    ],
  ];
  if (!p.active && p.inactivationReason) rows.push([t('patients.inactivationReason'), p.inactivationReason]);
  return (
    <Card data-testid="patient-detail">
      <CardHeader>
        <CardTitle className="flex items-center justify-between">
          <span>
            {p.name} <span className="ml-2 font-mono text-sm font-normal text-slate-500">{p.mrn}</span>
          </span>
          {actions}
        </CardTitle>
      </CardHeader>
      <CardContent>
        {reveal.isError ? <Alert tone="error">{problemMessage(reveal.error, t)}</Alert> : null}
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm text-slate-500">{label}</dt>
              <dd className="text-sm text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

function EditCard({ patient: p, onDone }: { patient: PatientView; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePatient();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('patients.edit')}</CardTitle>
      </CardHeader>
      <CardContent>
        <PatientFormFields
          initial={{
            name: p.name,
            nameLatin: p.nameLatin ?? '',
            birthDate: p.birthDate,
            sex: p.sex,
            phone: p.phone ?? '',
            address: p.address ?? '',
            bloodType: p.bloodType ?? undefined,
            emergencyContactName: p.emergencyContactName ?? '',
            emergencyContactPhone: p.emergencyContactPhone ?? '',
          }}
          submitting={update.isPending}
          error={update.error}
          onCancel={onDone}
          onSubmit={(form) => update.mutate({ id: p.id ?? '', body: { ...form, version: p.version ?? 0 } }, { onSuccess: onDone })}
        />
      </CardContent>
    </Card>
  );
}

function InactivateCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const inactivate = useInactivatePatient();
  const [reason, setReason] = useState('');
  return (
    <Card>
      <CardContent className="flex flex-wrap items-center gap-2 pt-4">
        <Input
          aria-label={t('patients.inactivationReason')}
          placeholder={t('patients.inactivationReason')}
          data-testid="patient-inactivate-reason"
          className="max-w-md"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <ConfirmButton
          variant="danger"
          data-testid="patient-inactivate"
          disabled={!reason.trim() || inactivate.isPending}
          title={t('confirm.inactivatePatient')}
          description={t('confirm.inactivatePatientDescription')}
          confirmLabel={t('patients.inactivate')}
          onConfirm={() => inactivate.mutate({ id, reason: reason.trim() })}
        >
          {t('patients.inactivate')}
        </ConfirmButton>
        {inactivate.isError ? <Alert tone="error">{problemMessage(inactivate.error, t)}</Alert> : null}
      </CardContent>
    </Card>
  );
}

/** Front office gives the patient a portal activation code: shown once here, to print or read out. */
function PortalCodeCard({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const issue = useIssuePortalCode();
  return (
    <Card data-testid="portal-code-card">
      <CardContent className="flex flex-wrap items-center gap-3 pt-4">
        <span className="text-sm font-medium text-slate-700">{t('patients.portalCode.title')}</span>
        <Button
          size="sm"
          variant="secondary"
          data-testid="issue-portal-code"
          disabled={issue.isPending}
          onClick={() => issue.mutate(id)}
        >
          {issue.isPending ? t('patients.portalCode.issuing') : t('patients.portalCode.issue')}
        </Button>
        {issue.data ? (
          <div className="w-full space-y-1" role="status">
            <p className="font-mono text-2xl tracking-widest text-slate-900" data-testid="portal-code">
              {issue.data.code}
            </p>
            <p className="text-sm text-slate-600" data-testid="portal-code-expiry">
              {t('patients.portalCode.expires', { time: formatInstant(issue.data.expiresAt, i18n.language) })}
            </p>
            <p className="text-xs text-slate-500">
              {t('patients.portalCode.hint')} {t('patients.portalCode.once')}
            </p>
          </div>
        ) : null}
        {issue.isError ? <Alert tone="error">{problemMessage(issue.error, t)}</Alert> : null}
      </CardContent>
    </Card>
  );
}

function HistoryCard({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const history = usePatientHistory(id);
  if (history.isError) return null; // patients do not see the history (403)
  return (
    <Card data-testid="patient-history">
      <CardHeader>
        <CardTitle>{t('patients.history.title')}</CardTitle>
      </CardHeader>
      <CardContent>
        {history.isPending ? <Spinner /> : null}
        <ul className="space-y-1 text-sm">
          {(history.data ?? []).map((h, i) => (
            <li key={i} className="flex flex-wrap gap-2">
              <span className="tabular-nums text-slate-500">{h.changedAt ? formatInstant(h.changedAt, i18n.language) : ''}</span>
              <span>{h.username}</span>
              <Badge>{t(`patients.history.${h.action}`, { defaultValue: h.action })}</Badge>
              <span className="text-slate-600">
                {(h.fields ?? []).map((f) => t(`patients.form.${f}`, { defaultValue: f })).join(', ')}
              </span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

/** A merged record points at the chart that continues it; a surviving chart lists the records merged into it. */
function MergeLinks({ patient }: { patient: PatientView }) {
  const { t } = useTranslation();
  const merged = useMergedRecords(patient.id ?? '', Boolean(patient.active && patient.id));
  if (patient.mergedInto) {
    return (
      <Alert tone="warning" className="mb-3" data-testid="patient-merged-into">
        {t('patients.duplicates.mergedInto')}{' '}
        <Link to={`/patients/${patient.mergedInto}`} className="font-medium text-sky-700 hover:underline">
          {t('patients.duplicates.openSurvivor')}
        </Link>
      </Alert>
    );
  }
  if (!merged.data || merged.data.length === 0) return null;
  return (
    <Alert tone="info" className="mb-3" data-testid="patient-merged-from">
      {t('patients.duplicates.mergedFrom')}{' '}
      {merged.data.map((m, i) => (
        <span key={m.id}>
          {i > 0 ? ', ' : ''}
          <Link to={`/patients/${m.id}`} className="font-medium text-sky-700 hover:underline">
            {m.mrn}
          </Link>
        </span>
      ))}
    </Alert>
  );
}
