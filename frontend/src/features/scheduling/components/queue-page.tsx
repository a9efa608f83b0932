import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Label } from '../../../components/ui/label';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { problemMessage } from '../../../lib/problem-message';
import { QUEUE_REFETCH_MS, useQueue } from '../api/get-queue';
import { AppointmentList } from './appointment-list';
import { DepartmentSelect } from './department-select';
import type { SessionUser } from './session-user';

/** /queue: today's checked-in and in-consultation patients, refreshed every 15 seconds. */
export function QueuePage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [departmentId, setDepartmentId] = useState('');
  const queue = useQueue({ departmentId: departmentId || undefined });

  return (
    <div data-testid="queue-page">
      <PageHeader
        title={t('scheduling.queue.title')}
        description={t('scheduling.queue.description', { seconds: QUEUE_REFETCH_MS / 1000 })}
        actions={
          <Button variant="secondary" data-testid="queue-refresh" disabled={queue.isFetching} onClick={() => void queue.refetch()}>
            {t('scheduling.queue.refresh')}
          </Button>
        }
      />
      <div className="mb-4 max-w-xs space-y-1">
        <Label htmlFor="queue-department">{t('scheduling.fields.department')}</Label>
        <DepartmentSelect id="queue-department" value={departmentId} onChange={setDepartmentId} emptyLabel={t('common.all')} />
      </div>
      {queue.isError ? (
        <Alert tone="error" className="mb-4">
          {problemMessage(queue.error, t)}
        </Alert>
      ) : null}
      {queue.isPending ? (
        <Spinner />
      ) : (
        <AppointmentList appointments={queue.data ?? []} roles={user.roles} only={['start', 'complete']} emptyTitle={t('scheduling.queue.empty')} testId="queue-table" />
      )}
    </div>
  );
}
