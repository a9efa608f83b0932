import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import { useEncounters } from '../api/list-encounters';
import { EncounterStatusBadge } from './encounter-status-badge';

/** A patient's visits, newest first, with their diagnoses; `linked` links each visit to its encounter page. */
export function EncounterList({ patientId, linked = true }: { patientId: string; linked?: boolean }) {
  const { t, i18n } = useTranslation();
  const encounters = useEncounters(patientId);
  return (
    <Card data-testid="encounter-list">
      <CardHeader>
        <CardTitle>{t('records.encounters')}</CardTitle>
      </CardHeader>
      <CardContent>
        {encounters.isPending ? <Spinner className="py-6" /> : null}
        {encounters.isError ? <Alert tone="error">{problemMessage(encounters.error, t)}</Alert> : null}
        {encounters.data?.length === 0 ? <EmptyState title={t('records.noEncounters')} /> : null}
        <ul className="divide-y divide-slate-100">
          {encounters.data?.map((e) => (
            <li key={e.id} className="py-2 text-sm" data-testid="encounter-row">
              <div className="flex flex-wrap items-center gap-2">
                {linked ? (
                  <Link to={`/encounters/${e.id}`} className="font-medium text-sky-700 hover:underline">
                    {formatInstant(e.startedAt, i18n.language)}
                  </Link>
                ) : (
                  <span className="font-medium">{formatInstant(e.startedAt, i18n.language)}</span>
                )}
                <span className="text-slate-600">{e.doctorName}</span>
                <EncounterStatusBadge status={e.status} />
              </div>
              {e.status === 'ENTERED_IN_ERROR' && e.voidReason ? (
                <p className="text-slate-600" data-testid="encounter-void-reason">
                  {t('records.void.voidedReason', { reason: e.voidReason })}
                </p>
              ) : null}
              {e.diagnoses && e.diagnoses.length > 0 ? (
                <p className="text-slate-700">
                  {e.diagnoses.map((d) => `${d.code} ${d.description}`).join(' · ')}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
