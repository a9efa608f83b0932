import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { AxiosError, AxiosHeaders, type AxiosAdapter } from 'axios';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { VerificationContext } from './verification-panel';

const seen: unknown[] = [];
let labs: unknown[] = [];
const LABS = [
  {
    orderId: 'r1',
    testCode: 'K',
    nameEn: 'Potassium',
    nameKo: '칼륨',
    value: 6.8,
    unit: 'mmol/L',
    refLow: 3.5,
    refHigh: 5.1,
    flag: 'CRITICAL_HIGH',
    enteredAt: '2026-12-05T01:00:00Z',
  },
  { orderId: 'r2', testCode: 'CREA', nameEn: 'Creatinine', nameKo: '크레아티닌', value: 0.9, unit: 'mg/dL', refLow: 0.7, refHigh: 1.3, flag: 'NORMAL', enteredAt: '2026-12-04T01:00:00Z' },
];
const fake: AxiosAdapter = async (config) => {
  const url = config.url ?? '';
  let data: unknown;
  if (url.endsWith('/recent-labs')) {
    seen.push(url);
    data = labs;
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
    labs = LABS;
    await setLanguage('ko');
    apiClient.defaults.adapter = fake;
  });
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = original;
  });

  const renderContext = () =>
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <VerificationContext patientId="p1" orderId="o1" />
        </MemoryRouter>
      </QueryClientProvider>,
    );

  it('lists the latest lab values with unit, reference range, flag and date (hospital zone) beside the order', async () => {
    renderContext();
    const results = await screen.findByTestId('verification-results');
    const rows = within(results).getAllByTestId('verification-lab');
    expect(rows).toHaveLength(2);
    const potassium = within(rows[0]!).getByText('칼륨');
    expect(potassium.getAttribute('href')).toBe('/orders/r1');
    expect(rows[0]!.textContent).toContain('6.8');
    expect(rows[0]!.textContent).toContain('mmol/L');
    expect(rows[0]!.textContent).toContain('3.5–5.1');
    const flag = rows[0]!.querySelector('[data-flag]');
    expect(flag?.getAttribute('data-flag')).toBe('CRITICAL_HIGH');
    expect(flag?.textContent).toContain('위험 높음');
    // 01:00 UTC is 10:00 in Seoul
    expect(within(rows[0]!).getByText(/10:00/)).toBeTruthy();
    expect(within(rows[1]!).getByText('크레아티닌')).toBeTruthy();
    expect(seen).toContain('/api/ocs/orders/o1/recent-labs');
  });

  it('names the tests in English in the English UI', async () => {
    await setLanguage('en');
    renderContext();
    const results = await screen.findByTestId('verification-results');
    expect(within(results).getByText('Potassium')).toBeTruthy();
    expect(within(results).getByText('Creatinine')).toBeTruthy();
  });

  it('says so when the patient has no lab results', async () => {
    labs = [];
    renderContext();
    expect(await screen.findByTestId('verification-no-labs')).toBeTruthy();
    expect(screen.queryByTestId('verification-results')).toBeNull();
  });
});
