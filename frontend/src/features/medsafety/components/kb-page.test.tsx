import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { AxiosHeaders, type AxiosAdapter } from 'axios';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import type { ReferenceSetReport } from '../../../types/api';
import { KbPage } from './kb-page';

const report: ReferenceSetReport = {
  kbVersion: 'kb-7',
  pairs: 191,
  allergyScenarios: 40,
  figures: [
    { type: 'PAIR', category: 'DANGEROUS', cases: 94, unknown: 0, sensitivity: 1, interruptedShare: 1, missed: [] },
    { type: 'PAIR', category: 'SAFE', cases: 55, unknown: 3, specificity: 1, interruptedShare: 0.018, missed: [] },
  ],
};

const fake: AxiosAdapter = async (config) => {
  const data =
    config.url === '/api/medsafety/kb/reference-set'
      ? report
      : { version: 'kb-7', available: true, sources: [{ code: 'ANSM', citation: 'ANSM', rules: 1 }], counts: { rules: 1 } };
  return { status: 200, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
};

function renderPage() {
  apiClient.defaults.adapter = fake;
  const router = createMemoryRouter([{ path: '/kb', element: <KbPage /> }], { initialEntries: ['/kb'] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('KbPage reference set', () => {
  const originalAdapter = apiClient.defaults.adapter;

  beforeEach(async () => {
    await setLanguage('ko');
  });

  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('shows the figures per category with the KB version they were measured on, in words', async () => {
    renderPage();
    expect((await screen.findByTestId('kb-reference-set-version')).textContent).toContain('kb-7');
    const rows = screen.getAllByTestId('kb-reference-set-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('위험 (반드시 중단 경고)');
    expect(rows[0].textContent).toContain('100.0 %');
    expect(rows[1].textContent).toContain('안전 (강제 중단 금지)');
    expect(rows[1].textContent).not.toContain('SAFE');
  });

  it('in English too', async () => {
    await setLanguage('en');
    renderPage();
    expect((await screen.findAllByTestId('kb-reference-set-row'))[0].textContent).toContain('Dangerous (must interrupt)');
  });
});
