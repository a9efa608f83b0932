import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { AxiosError, AxiosHeaders, type AxiosAdapter } from 'axios';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { VerificationContext } from './verification-panel';

const seen: unknown[] = [];
const fake: AxiosAdapter = async (config) => {
  const url = config.url ?? '';
  let data: unknown;
  if (url.endsWith('/timeline')) {
    seen.push(config.params);
    data = {
      content: [
        { type: 'RESULT', id: 'r1', occurredAt: '2026-12-05T01:00:00Z', code: 'CRITICAL', text: 'ORD-1 · Potassium' },
        { type: 'RESULT', id: 'r2', occurredAt: '2026-12-04T01:00:00Z', code: 'NORMAL', text: 'ORD-2 · CBC' },
      ],
      page: { number: 0, size: 5, totalElements: 2, totalPages: 1 },
    };
  } else if (url.endsWith('/allergies') || url.endsWith('/medications')) {
    data = [];
  } else {
    const response = { status: 404, statusText: '', data: {}, headers: new AxiosHeaders(), config, request: {} };
    throw new AxiosError('404', AxiosError.ERR_BAD_REQUEST, config, {}, response);
  }
  return { status: 200, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
};

describe('pharmacist verification context', () => {
  const original = apiClient.defaults.adapter;
  beforeEach(async () => {
    seen.length = 0;
    await setLanguage('ko');
    apiClient.defaults.adapter = fake;
  });
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = original;
  });

  it('lists the latest results with their flag in words beside the order', async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <VerificationContext patientId="p1" />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const results = await screen.findByTestId('verification-results');
    const potassium = await within(results).findByText('ORD-1 · Potassium');
    expect(potassium.getAttribute('href')).toBe('/orders/r1');
    expect(within(results).getByText('위험').getAttribute('title')).toBe('CRITICAL');
    expect(within(results).getByText('정상')).toBeTruthy();
    expect(seen).toContainEqual({ types: 'RESULT', page: 0, size: 5 });
  });
});
