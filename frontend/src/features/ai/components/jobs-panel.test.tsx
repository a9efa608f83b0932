import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { fakeServer, type FakeServerOptions } from '../../../test/fake-server';
import type { AiJobView } from '../../../types/api';
import { JobsPanel } from './jobs-panel';

const posted: string[] = [];

const recordPosts: FakeServerOptions = {
  onRequest: (config) => {
    if (config.method === 'post') posted.push(config.url ?? '');
  },
};

const RUNNING: AiJobView = {
  id: '33333333-3333-4333-8333-333333333333',
  kind: 'LUNG_RISK_BATCH',
  status: 'RUNNING',
  progress: 40,
  createdAt: '2026-12-05T01:00:00Z',
};
const DONE: AiJobView = {
  id: '44444444-4444-4444-8444-444444444444',
  kind: 'LUNG_RISK_BATCH',
  status: 'SUCCEEDED',
  progress: 100,
  createdAt: '2026-12-04T01:00:00Z',
  finishedAt: '2026-12-04T01:00:05Z',
};

function renderPanel(jobs: () => AiJobView[]) {
  apiClient.defaults.adapter = fakeServer({
    'GET /api/ai/jobs': () => ({ status: 200, data: jobs() }),
    [`POST /api/ai/jobs/${RUNNING.id}/cancel`]: () => ({ status: 200, data: { ...RUNNING, status: 'CANCELLED' } }),
  }, recordPosts);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <JobsPanel />
    </QueryClientProvider>,
  );
}

describe('JobsPanel', () => {
  const originalAdapter = apiClient.defaults.adapter;
  beforeEach(async () => {
    posted.length = 0;
    await setLanguage('en');
  });
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('shows each job with its status in words and its progress bar; only an active job can be cancelled', async () => {
    let cancelled = false;
    renderPanel(() => (cancelled ? [{ ...RUNNING, status: 'CANCELLED' }, DONE] : [RUNNING, DONE]));
    const rows = await screen.findAllByTestId('ai-job-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('Running')).toBeTruthy();
    expect(within(rows[0]).getByText('Lung-cancer risk, batch')).toBeTruthy();
    expect(within(rows[0]).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    expect(within(rows[1]).getByText('Finished')).toBeTruthy();
    expect(within(rows[1]).queryByTestId('ai-job-cancel')).toBeNull();
    expect(screen.queryByText('RUNNING')).toBeNull();
    // cancelling asks first; backing out sends nothing
    fireEvent.click(within(rows[0]).getByTestId('ai-job-cancel'));
    expect(await screen.findByRole('dialog', { name: 'Cancel this AI job?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(posted).toEqual([]);
    cancelled = true;
    fireEvent.click(within(screen.getAllByTestId('ai-job-row')[0]).getByTestId('ai-job-cancel'));
    fireEvent.click(await screen.findByTestId('confirm-action'));
    await waitFor(() => expect(posted).toEqual([`/api/ai/jobs/${RUNNING.id}/cancel`]));
    await waitFor(() => expect(screen.getAllByTestId('ai-job-row')[0].getAttribute('data-status')).toBe('CANCELLED'));
    expect(within(screen.getAllByTestId('ai-job-row')[0]).getByText('Cancelled')).toBeTruthy();
  });

  it('says so when there is no job, in Korean too', async () => {
    await setLanguage('ko');
    renderPanel(() => []);
    expect(await screen.findByText('아직 AI 작업이 없습니다.')).toBeTruthy();
  });
});
