import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { CalibrationChart } from '../../../components/charts/calibration-chart';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { problemMessage } from '../../../lib/problem-message';
import { useModelCard } from '../api/models';
import type { Metrics } from '../lib/model-card';

/** /ai/models/:id: the model card — use, inputs, training data, cross-validated metrics with baselines, calibration. */
export function ModelCardPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const card = useModelCard(id);
  const n = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  if (card.isPending) return <Spinner />;
  if (card.isError) return <Alert tone="error">{problemMessage(card.error, t)}</Alert>;
  const c = card.data;
  const e = c.evaluation ?? {};
  const row = (label: string, m: Metrics | undefined, testId?: string) =>
    m ? (
      <TableRow data-testid={testId}>
        <TableCell>{label}</TableCell>
        <TableCell className="tabular-nums" data-testid={testId ? `${testId}-auc` : undefined}>
          {m.auc != null ? n.format(m.auc) : ''}
          {m.aucCi95 ? ` (${n.format(m.aucCi95[0])}–${n.format(m.aucCi95[1])})` : ''}
        </TableCell>
        <TableCell className="tabular-nums">{m.balancedAccuracy != null ? n.format(m.balancedAccuracy) : ''}</TableCell>
        <TableCell className="tabular-nums">{m.sensitivity != null ? n.format(m.sensitivity) : ''}</TableCell>
        <TableCell className="tabular-nums">{m.specificity != null ? n.format(m.specificity) : ''}</TableCell>
      </TableRow>
    ) : null;
  const bins = (e.calibration ?? [])
    .filter((b) => b.count > 0 && b.meanPredicted != null && b.observedRate != null)
    .map((b) => ({ predicted: b.meanPredicted ?? 0, observed: b.observedRate ?? 0, count: b.count }));
  return (
    <div className="space-y-4" data-testid="ai-model-card-page">
      <PageHeader title={c.name ?? c.id ?? id} description={`${c.id} ${c.version} · ${c.task ?? ''}`} />
      <Alert tone="warning" data-testid="ai-card-status">
        {/* the status in the reader's language; the card's own statement (its authors' words, in English) after it */}
        <strong>{t(`ai.status.${c.status}`, { defaultValue: t('ai.status.RESEARCH_USE_ONLY') })}</strong> {c.statusText}
      </Alert>
      <Card>
        <CardHeader>
          <CardTitle>{t('ai.card.evaluation')}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          <p className="text-sm text-slate-600">{e.method}</p>
          <Table data-testid="ai-card-metrics">
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t('ai.card.model')}</TableHeaderCell>
                <TableHeaderCell>{t('ai.card.auc')}</TableHeaderCell>
                <TableHeaderCell>{t('ai.card.balancedAccuracy')}</TableHeaderCell>
                <TableHeaderCell>{t('ai.card.sensitivity')}</TableHeaderCell>
                <TableHeaderCell>{t('ai.card.specificity')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {row(t('ai.card.thisModel'), e.metrics, 'ai-card-model')}
              {row(t('ai.card.alwaysPositive'), e.baselines?.alwaysPositive, 'ai-card-always')}
              {row(
                t('ai.card.bestSingle', { input: t(`ai.input.${e.baselines?.bestSingleInput?.input}`) }),
                e.baselines?.bestSingleInput,
                'ai-card-single',
              )}
            </TableBody>
          </Table>
          <div>
            <p className="text-sm font-medium text-slate-700">{t('ai.card.calibration')}</p>
            <CalibrationChart
              bins={bins}
              title={t('ai.card.calibration')}
              xLabel={t('ai.card.predicted')}
              yLabel={t('ai.card.observed')}
              testId="ai-card-calibration"
            />
          </div>
          {c.outputs?.bandJustification ? <p className="text-sm text-slate-600">{c.outputs.bandJustification}</p> : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('ai.card.details')}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="font-medium">{t('ai.card.purpose')}</dt>
            <dd>{c.intendedUse?.purpose}</dd>
            <dt className="font-medium">{t('ai.card.notFor')}</dt>
            <dd>{(c.intendedUse?.notFor ?? []).join(', ')}</dd>
            <dt className="font-medium">{t('ai.card.inputs')}</dt>
            <dd>{(c.inputs ?? []).map((i) => `${t(`ai.input.${i.name}`)} (${i.encoding ?? i.type})`).join('; ')}</dd>
            <dt className="font-medium">{t('ai.card.data')}</dt>
            <dd>
              {c.trainingData?.source} · {c.trainingData?.licence} · {c.trainingData?.dates}
            </dd>
            <dt className="font-medium">{t('ai.card.biases')}</dt>
            <dd>{(c.trainingData?.knownBiases ?? []).join('; ')}</dd>
            <dt className="font-medium">{t('ai.card.limitations')}</dt>
            <dd>{(c.limitations ?? []).join('; ')}</dd>
            <dt className="font-medium">{t('ai.card.produced')}</dt>
            <dd className="font-mono text-xs">
              {c.producedBy?.date} · {c.producedBy?.command} · {c.producedBy?.library}
            </dd>
            <dt className="font-medium">{t('ai.card.checksum')}</dt>
            <dd className="break-all font-mono text-xs">{c.sha256}</dd>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
