import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LineChart } from '../../../components/charts/line-chart';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import { useModelDashboard, useModels } from '../api/models';

/** /ai/models/:id/dashboard: how often the model was used and how often clinicians accepted it, per day. */
export function ModelDashboardPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const dashboard = useModelDashboard(id);
  // the title names the model as the models page does (its card's name), the route id only until the list is there
  const models = useModels();
  const name = models.data?.models?.find((m) => m.id === id)?.name ?? id;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  if (dashboard.isPending) return <Spinner />;
  if (dashboard.isError) return <Alert tone="error">{problemMessage(dashboard.error, t)}</Alert>;
  const d = dashboard.data;
  const days = d.days ?? [];
  const tiles: [string, string, string][] = [
    ['suggestions', t('ai.dashboard.suggestions'), String(d.suggestions ?? 0)],
    ['accepted', t('ai.dashboard.accepted'), String(d.accepted ?? 0)],
    ['rejected', t('ai.dashboard.rejected'), String(d.rejected ?? 0)],
    ['rate', t('ai.dashboard.acceptanceRate'), d.acceptanceRate == null ? '–' : percent.format(d.acceptanceRate)],
  ];
  return (
    <div className="space-y-4" data-testid="ai-dashboard-page">
      <PageHeader title={t('ai.dashboard.title', { model: name })} />
      <div className="grid gap-3 sm:grid-cols-4">
        {tiles.map(([key, label, value]) => (
          <Card key={key}>
            <CardContent className="pt-4">
              <p className="text-xs text-slate-500">{label}</p>
              <p className="text-2xl font-semibold tabular-nums" data-testid={`ai-dashboard-${key}`}>
                {value}
              </p>
            </CardContent>
          </Card>
        ))}
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t('ai.dashboard.perDay')}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 lg:grid-cols-2">
          <LineChart
            title={t('ai.dashboard.suggestions')}
            points={days.map((x) => ({ x: x.day ?? '', y: x.suggestions ?? 0 }))}
            testId="ai-dashboard-suggestions-chart"
          />
          <LineChart
            title={t('ai.dashboard.acceptanceRate')}
            max={1}
            format={(v) => percent.format(v)}
            points={days.map((x) => {
              const decided = (x.accepted ?? 0) + (x.rejected ?? 0) + (x.edited ?? 0);
              return { x: x.day ?? '', y: decided === 0 ? null : (x.accepted ?? 0) / decided };
            })}
            testId="ai-dashboard-rate-chart"
          />
        </CardContent>
      </Card>
    </div>
  );
}
