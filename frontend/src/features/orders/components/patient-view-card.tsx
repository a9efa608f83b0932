import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import { fetchPatientViewCards } from '../api/cds-hooks';
import { cardText } from '../lib/basket';

/**
 * The patient-view CDS Hooks card on the patient's chart: our own service's summary of the patient's open orders
 * (overdue, results pending) and medication-safety overrides, in the UI language (issue 17 item 5).
 */
export function PatientViewCard({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const cards = useQuery({
    queryKey: ['cds-patient-view', patientId, i18n.language],
    queryFn: () => fetchPatientViewCards(patientId),
    staleTime: 30_000,
  });

  return (
    <Card data-testid="patient-view-card">
      <CardHeader>
        <CardTitle>{t('orders.patientView.title')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-2 text-sm">
        {cards.isPending ? <Spinner /> : null}
        {cards.isError ? <Alert tone="error">{problemMessage(cards.error, t)}</Alert> : null}
        {cards.data?.map((card) => (
          <div key={card.uuid}>
            <p className="font-medium text-slate-900" data-testid="patient-view-summary">
              {card.summary}
            </p>
            <p className="whitespace-pre-wrap text-slate-700">{cardText(card.detail)}</p>
          </div>
        ))}
      </CardContent>
    </Card>
  );
}
