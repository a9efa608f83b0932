import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { AxiosHeaders, type AxiosAdapter } from 'axios';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { PortalReports } from './portal-reports';

const PATIENT = '11111111-1111-4111-8111-111111111111';
const ORDER = '55555555-5555-4555-8555-555555555555';
const OTHER_ORDER = '66666666-6666-4666-8666-666666666666';

describe('PortalReports', () => {
  const originalAdapter = apiClient.defaults.adapter;
  const asked: string[] = [];
  beforeEach(async () => {
    await setLanguage('en');
    asked.length = 0;
    apiClient.defaults.adapter = (async (config) => {
      const key = `${config.method?.toUpperCase()} ${config.url}`;
      asked.push(`${key} ${JSON.stringify(config.params ?? {})}`);
      const data =
        key === 'GET /api/ris/portal/reports'
          ? [{ id: 'r1', orderId: ORDER, patientId: PATIENT, status: 'SIGNED', orderNumber: 'O-1', procedure: 'MR Breast', impression: 'Benign' }]
          : [
              {
                id: 's1',
                orderId: ORDER,
                series: [{ seriesInstanceUid: '1.2.3', description: 'precontrast', previewUrl: '/api/imaging/studies/s1/series/1.2.3/instances/67/preview' }],
              },
              { id: 's2', orderId: OTHER_ORDER, series: [{ seriesInstanceUid: '1.2.4', previewUrl: '/api/imaging/studies/s2/series/1.2.4/instances/0/preview' }] },
            ];
      return { status: 200, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
    }) as AxiosAdapter;
  });
  afterEach(() => {
    apiClient.defaults.adapter = originalAdapter;
    cleanup();
  });

  it('shows the key images of the studies of each signed report, and only those', async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <PortalReports />
      </QueryClientProvider>,
    );
    expect((await screen.findByTestId('report-impression')).textContent).toBe('Benign');
    const images = await screen.findAllByTestId('portal-key-image');
    expect(images).toHaveLength(1);
    expect(images[0].getAttribute('src')).toBe('/api/imaging/studies/s1/series/1.2.3/instances/67/preview');
    expect(images[0].getAttribute('alt')).toBe('Key image 1 of this study');
    expect(asked).toContain(`GET /api/imaging/studies {"patientId":"${PATIENT}"}`);
  });
});
