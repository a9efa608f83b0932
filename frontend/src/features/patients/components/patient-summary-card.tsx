import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { isApiProblem } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem-message';
import { usePatient } from '../api/get-patient';

/** One patient's summary, fetched by id. */
export function PatientSummaryCard({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const patient = usePatient(patientId);

  if (patient.isPending) return <Spinner className="py-12" />;
  if (patient.isError) {
    return isApiProblem(patient.error) && patient.error.status === 404 ? (
      <Alert tone="warning" data-testid="patient-not-found">
        {t('patients.notFound')}
      </Alert>
    ) : (
      <Alert tone="error">{problemMessage(patient.error, t)}</Alert>
    );
  }

  const p = patient.data;
  const rows: [string, ReactNode][] = [
    [t('patients.columns.mrn'), <span className="font-mono">{p.mrn}</span>],
    [t('patients.columns.name'), p.name],
    [t('patients.columns.nameLatin'), p.nameLatin],
    [t('patients.columns.birthDate'), <span className="tabular-nums">{p.birthDate}</span>],
    [t('patients.columns.sex'), p.sex ? t(`patients.sex.${p.sex}`, { defaultValue: p.sex }) : ''],
    [
      t('patients.columns.active'),
      <Badge tone={p.active ? 'success' : 'neutral'}>{p.active ? t('common.active') : t('common.inactive')}</Badge>,
    ],
  ];

  return (
    <Card data-testid="patient-detail">
      <CardHeader>
        <CardTitle>
          {p.name} <span className="ml-2 font-mono text-sm font-normal text-slate-500">{p.mrn}</span>
        </CardTitle>
      </CardHeader>
      <CardContent>
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
