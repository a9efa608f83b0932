import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { AxiosHeaders, type InternalAxiosRequestConfig } from 'axios';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { PatientViewCard } from './patient-view-card';

const seen: InternalAxiosRequestConfig[] = [];

describe('PatientViewCard', () => {
  const originalAdapter = apiClient.defaults.adapter;

  beforeEach(async () => {
    seen.length = 0;
    await setLanguage('ko');
    apiClient.defaults.adapter = async (config) => {
      seen.push(config);
      const data = config.url?.startsWith('/fhir/')
        ? { resourceType: 'Patient', id: 'p-1' }
        : {
            cards: [
              {
                uuid: 'c-1',
                summary: '진행 중인 오더: 지연 1건, 결과 대기 3건; 의약품 안전 경고 무시 1건.',
                detail: '**지연 오더:** 1건 (전송 후 예정 시각이 지남)',
                indicator: 'info',
              },
            ],
          };
      return { status: 200, statusText: 'OK', data, headers: new AxiosHeaders(), config, request: {} };
    };
  });

  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it("shows our patient-view service's summary card, asked for in the UI language", async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <PatientViewCard patientId="p-1" />
      </QueryClientProvider>,
    );

    expect((await screen.findByTestId('patient-view-summary')).textContent).toContain('지연 1건, 결과 대기 3건');
    expect(screen.getByText('환자 요약 (임상 의사결정 지원)')).toBeTruthy();
    expect(screen.getByTestId('patient-view-card').textContent).toContain('지연 오더: 1건'); // markdown stripped
    const call = seen.find((c) => c.url === '/cds-services/cdss-patient-view');
    expect(call?.headers.get('Accept-Language')).toBe('ko');
  });
});
