import { useTranslation } from 'react-i18next';
import { BarChart } from '../../../components/charts/bar-chart';
import { LineChart } from '../../../components/charts/line-chart';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import { useLungRiskStatistics } from '../api/lung-risk';
import { RISK_BANDS } from '../lib/model-card';

const AGE_BANDS = ['<40', '40-49', '50-59', '60-69', '70+'] as const;
const SEXES = ['MALE', 'FEMALE'] as const;

/** /ai/lung-risk/statistics: assessments by band, sex and age band, the average risk, and per day. Counts only. */
export function LungRiskStatisticsPage() {
  const { t, i18n } = useTranslation();
  const stats = useLungRiskStatistics();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  if (stats.isPending) return <Spinner />;
  if (stats.isError) return <Alert tone="error">{problemMessage(stats.error, t)}</Alert>;
  const s = stats.data;
  const count = (m: Record<string, number> | undefined, k: string) => m?.[k] ?? 0;
  return (
    <div className="space-y-4" data-testid="ai-statistics-page">
      <PageHeader title={t('ai.statistics.title')} description={t('ai.lungRisk.disclaimer')} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Card>
          <CardContent className="pt-4">
            <p className="text-xs text-slate-500">{t('ai.statistics.total')}</p>
            <p className="text-2xl font-semibold tabular-nums" data-testid="ai-statistics-total">
              {s.total ?? 0}
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardContent className="pt-4">
            <p className="text-xs text-slate-500">{t('ai.statistics.average')}</p>
            <p className="text-2xl font-semibold tabular-nums" data-testid="ai-statistics-average">
              {s.averageProbability == null ? '–' : percent.format(s.averageProbability)}
            </p>
          </CardContent>
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t('ai.statistics.byBand')}</CardTitle>
          </CardHeader>
          <CardContent>
            <BarChart
              title={t('ai.statistics.byBand')}
              bars={RISK_BANDS.map((b) => ({ key: b, label: t(`ai.band.${b}`), value: count(s.byBand, b) }))}
              testId="ai-statistics-band"
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('ai.statistics.bySex')}</CardTitle>
          </CardHeader>
          <CardContent>
            <BarChart
              title={t('ai.statistics.bySex')}
              bars={SEXES.flatMap((x) =>
                RISK_BANDS.map((b) => ({
                  key: `${x}-${b}`,
                  label: `${t(`ai.sexName.${x}`)} · ${t(`ai.band.${b}`)}`,
                  value: s.bandBySex?.[x]?.[b] ?? 0,
                })),
              )}
              testId="ai-statistics-sex"
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('ai.statistics.byAge')}</CardTitle>
          </CardHeader>
          <CardContent>
            <BarChart
              title={t('ai.statistics.byAge')}
              bars={AGE_BANDS.map((a) => ({ key: a, label: t(`ai.ageBand.${a}`), value: count(s.byAgeBand, a) }))}
              testId="ai-statistics-age"
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('ai.statistics.overTime')}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2">
            <LineChart
              title={t('ai.statistics.overTime')}
              points={(s.days ?? []).map((d) => ({ x: d.day ?? '', y: d.suggestions ?? 0 }))}
              testId="ai-statistics-days"
            />
            <LineChart
              title={t('ai.statistics.average')}
              max={1}
              format={(v) => percent.format(v)}
              points={(s.days ?? []).map((d) => ({ x: d.day ?? '', y: d.averageProbability ?? null }))}
            />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
