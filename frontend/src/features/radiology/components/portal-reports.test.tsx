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
          ? [
              {
                id: 'r1',
                orderId: ORDER,
                patientId: PATIENT,
                status: 'SIGNED',
                orderNumber: 'O-1',
                procedure: 'MR Breast',
                impression: 'Benign',
                keyImages: [
                  {
                    id: 'k1',
                    studyId: 's1',
                    seriesInstanceUid: '1.2.3',
                    sopInstanceUid: '1.2.3.68',
                    instanceNumber: 68,
                    seriesDescription: 'DCE pre',
                    previewUrl: '/api/imaging/studies/s1/series/1.2.3/images/1.2.3.68/preview',
                  },
                  // marked before key images were named by SOP UID: its position
                  { id: 'k2', studyId: 's1', seriesInstanceUid: '1.2.3', instanceIndex: 11, previewUrl: '/api/imaging/studies/s1/series/1.2.3/instances/11/preview' },
                ],
              },
              { id: 'r2', orderId: OTHER_ORDER, patientId: PATIENT, status: 'SIGNED', orderNumber: 'O-2', procedure: 'CT Chest', impression: 'Clear', keyImages: [] },
            ]
          : [];
      return { status: 200, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
    }) as AxiosAdapter;
  });
  afterEach(() => {
    apiClient.defaults.adapter = originalAdapter;
    cleanup();
  });

  it("shows the key images the radiologist chose for each signed report, and says so when none were chosen", async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <PortalReports />
      </QueryClientProvider>,
    );
    expect((await screen.findAllByTestId('report-impression'))[0].textContent).toBe('Benign');
    const [first, second] = screen.getAllByTestId('report-key-images');
    const images = first.querySelectorAll('img');
    expect(images).toHaveLength(2);
    // the image the radiologist chose, by its SOP Instance UID, captioned with its series and image number
    expect(images[0].getAttribute('src')).toBe('/api/imaging/studies/s1/series/1.2.3/images/1.2.3.68/preview');
    expect(images[0].getAttribute('alt')).toBe('Key image 1');
    const captions = screen.getAllByTestId('report-key-image-caption').map((c) => c.textContent);
    expect(captions).toEqual(['DCE pre · Image 68', 'Image 12 of the series']);
    // no stand-in: a report without key images says so, and no study is fetched to pick one
    expect(second.querySelectorAll('img')).toHaveLength(0);
    expect(second.textContent).toContain('The radiologist marked no key images.');
    expect(asked.some((a) => a.startsWith('GET /api/imaging/studies'))).toBe(false);
  });
});
