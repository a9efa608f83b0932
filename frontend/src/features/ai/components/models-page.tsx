import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { problemMessage } from '../../../lib/problem-message';
import { useModels } from '../api/models';
import { JobsPanel } from './jobs-panel';

/** /ai/models: the loaded models with their status, and the model folders rejected at start-up with the reasons. */
export function ModelsPage({ canSeeDashboards, canRunModels = false }: { canSeeDashboards: boolean; canRunModels?: boolean }) {
  const { t } = useTranslation();
  const models = useModels();
  return (
    <div data-testid="ai-models-page">
      <PageHeader title={t('ai.models.title')} description={t('ai.models.description')} />
      {models.isError ? <Alert tone="error">{problemMessage(models.error, t)}</Alert> : null}
      {models.isPending ? <Spinner /> : null}
      <Table>
        <caption className="sr-only">{t('ai.models.title')}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t('ai.models.name')}</TableHeaderCell>
            <TableHeaderCell>{t('ai.models.version')}</TableHeaderCell>
            <TableHeaderCell>{t('ai.models.status')}</TableHeaderCell>
            <TableHeaderCell>{t('ai.models.links')}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(models.data?.models ?? []).map((m) => (
            <TableRow key={m.id} data-testid="ai-model-row" data-model-id={m.id}>
              <TableCell>
                <span className="block font-medium">{m.name}</span>
                <span className="text-xs text-slate-500">{m.task}</span>
              </TableCell>
              <TableCell className="tabular-nums">{m.version}</TableCell>
              <TableCell>
                <Badge tone="warning">{t(`ai.status.${m.status}`, { defaultValue: t('ai.status.RESEARCH_USE_ONLY') })}</Badge>
              </TableCell>
              <TableCell className="space-x-3 text-sm">
                <Link className="text-sky-700 underline" to={`/ai/models/${m.id}`} data-testid="ai-model-card-link">
                  {t('ai.models.card')}
                </Link>
                {canSeeDashboards ? (
                  <Link className="text-sky-700 underline" to={`/ai/models/${m.id}/dashboard`} data-testid="ai-model-dashboard-link">
                    {t('ai.models.dashboard')}
                  </Link>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {(models.data?.rejected ?? []).length > 0 ? (
        <Alert tone="error" className="mt-4" title={t('ai.models.rejected')} data-testid="ai-models-rejected">
          <ul className="list-disc pl-5">
            {(models.data?.rejected ?? []).map((r) => (
              <li key={r.source}>
                {r.id ?? r.source}: {(r.reasons ?? []).join('; ')}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {canRunModels ? <JobsPanel /> : null}
    </div>
  );
}
