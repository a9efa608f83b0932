import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import { useOpenEncounter } from '../api/open-encounter';

/**
 * /consultation/:appointmentId?patient=…: opens (or finds) the encounter of an appointment whose consultation has
 * started, then shows it. Opening is idempotent per appointment on the server, so reloading is harmless.
 */
export function ConsultationPage() {
  const { t } = useTranslation();
  const { appointmentId = '' } = useParams();
  const [search] = useSearchParams();
  const patientId = search.get('patient') ?? '';
  const open = useOpenEncounter();
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !appointmentId || !patientId) return;
    started.current = true;
    open.mutate({ patientId, body: { appointmentId } });
  }, [appointmentId, patientId, open]);
  if (open.data?.encounter?.id) return <Navigate to={`/encounters/${open.data.encounter.id}`} replace />;
  if (open.isError) return <Alert tone="error">{problemMessage(open.error, t)}</Alert>;
  return <Spinner className="py-12" />;
}
