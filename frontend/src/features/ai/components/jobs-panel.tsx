import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import type { AiJobView } from '../../../types/api';
import { useCancelJob, useMyJobs } from '../api/jobs';

const TONES: Record<string, 'neutral' | 'info' | 'success' | 'danger' | 'warning'> = {
  QUEUED: 'neutral',
  RUNNING: 'info',
  SUCCEEDED: 'success',
  FAILED: 'danger',
  CANCELLED: 'warning',
};

const active = (job: AiJobView) => job.status === 'QUEUED' || job.status === 'RUNNING';

/**
 * The clinician's AI jobs (batch inference, ADR 0022) with a live progress bar: the server pushes an `ai-job` event on
 * every chunk and the ai query keys are refetched, so the bar moves without a reload.
 */
export function JobsPanel() {
  const { t, i18n } = useTranslation();
  const jobs = useMyJobs(true);
  const cancel = useCancelJob();
  const list = jobs.data ?? [];
  return (
    <section className="mt-8" data-testid="ai-jobs">
      <h2 className="mb-2 text-lg font-semibold">{t('ai.jobs.title')}</h2>
      {jobs.isError ? <Alert tone="error">{problemMessage(jobs.error, t)}</Alert> : null}
      {cancel.isError ? <Alert tone="error">{problemMessage(cancel.error, t)}</Alert> : null}
      {jobs.isPending ? <Spinner /> : null}
      {jobs.isSuccess && list.length === 0 ? <EmptyState title={t('ai.jobs.none')} description={t('ai.jobs.hint')} /> : null}
      {list.length > 0 ? (
        <Table>
          <caption className="sr-only">{t('ai.jobs.title')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t('ai.jobs.kind')}</TableHeaderCell>
              <TableHeaderCell>{t('ai.jobs.status')}</TableHeaderCell>
              <TableHeaderCell>{t('ai.jobs.progress')}</TableHeaderCell>
              <TableHeaderCell>{t('ai.jobs.submitted')}</TableHeaderCell>
              <TableHeaderCell>{t('ai.jobs.finished')}</TableHeaderCell>
              <TableHeaderCell>
                <span className="sr-only">{t('ai.jobs.cancel')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {list.map((job) => (
              <TableRow key={job.id} data-testid="ai-job-row" data-status={job.status}>
                <TableCell>{t(`ai.jobs.kinds.${job.kind ?? ''}`, { defaultValue: t('ai.jobs.kinds.other') })}</TableCell>
                <TableCell>
                  <Badge tone={TONES[job.status ?? ''] ?? 'neutral'}>
                    {t(`ai.jobs.statuses.${job.status ?? ''}`, { defaultValue: t('ai.jobs.statuses.other') })}
                  </Badge>
                  {job.error ? (
                    <span className="mt-1 block text-xs text-rose-700" title={job.error}>
                      {t('ai.jobs.failedHint')}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell className="min-w-40">
                  <div
                    role="progressbar"
                    aria-label={t('ai.jobs.progress')}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={job.progress ?? 0}
                    className="h-2 w-full overflow-hidden rounded bg-slate-200"
                  >
                    <div className="h-full bg-sky-600" style={{ width: `${job.progress ?? 0}%` }} />
                  </div>
                  <span className="text-xs tabular-nums text-slate-600">{job.progress ?? 0}%</span>
                </TableCell>
                <TableCell className="text-sm">{formatInstant(job.createdAt, i18n.language)}</TableCell>
                <TableCell className="text-sm">{job.finishedAt ? formatInstant(job.finishedAt, i18n.language) : '—'}</TableCell>
                <TableCell>
                  {active(job) ? (
                    // a cancelled job cannot be resumed: asked first
                    <ConfirmButton
                      size="sm"
                      variant="secondary"
                      disabled={cancel.isPending}
                      title={t('confirm.cancelJob')}
                      description={t('confirm.cancelJobDescription')}
                      confirmLabel={t('ai.jobs.cancel')}
                      onConfirm={() => job.id && cancel.mutate(job.id)}
                      data-testid="ai-job-cancel"
                    >
                      {t('ai.jobs.cancel')}
                    </ConfirmButton>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
