import { AxiosHeaders, type InternalAxiosRequestConfig } from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { callCdsService, fetchPatientViewCards } from './cds-hooks';

describe('callCdsService', () => {
  const originalAdapter = apiClient.defaults.adapter;

  afterEach(async () => {
    apiClient.defaults.adapter = originalAdapter;
    await setLanguage('ko');
  });

  it('asks for the cards in the UI language (Accept-Language) and returns them', async () => {
    const seen: InternalAxiosRequestConfig[] = [];
    const card = { summary: '심바스타틴 + 클래리스로마이신: 금기 상호작용.', indicator: 'critical', source: { label: 'KB' } };
    apiClient.defaults.adapter = async (config) => {
      seen.push(config);
      return { status: 200, statusText: 'OK', data: { cards: [card] }, headers: new AxiosHeaders(), config, request: {} };
    };

    await setLanguage('ko');
    expect(await callCdsService('cdss-medsafety-order-select', { hook: 'order-select' })).toEqual([card]);
    await setLanguage('en');
    await callCdsService('cdss-medsafety-order-select', { hook: 'order-select' });

    expect(seen.map((c) => c.url)).toEqual(['/cds-services/cdss-medsafety-order-select', '/cds-services/cdss-medsafety-order-select']);
    expect(seen.map((c) => c.headers.get('Accept-Language'))).toEqual(['ko', 'en']);
  });
});

describe('fetchPatientViewCards', () => {
  const originalAdapter = apiClient.defaults.adapter;

  afterEach(() => {
    apiClient.defaults.adapter = originalAdapter;
  });

  it('sends the patient-view hook with the patient read from our FHIR endpoint as prefetch', async () => {
    const seen: InternalAxiosRequestConfig[] = [];
    const patient = { resourceType: 'Patient', id: 'p-1' };
    const card = { uuid: 'c', summary: 'Open orders: 1 overdue', indicator: 'info' };
    apiClient.defaults.adapter = async (config) => {
      seen.push(config);
      const data = config.url?.startsWith('/fhir/') ? patient : { cards: [card] };
      return { status: 200, statusText: 'OK', data, headers: new AxiosHeaders(), config, request: {} };
    };

    expect(await fetchPatientViewCards('p-1')).toEqual([card]);

    expect(seen.map((c) => c.url)).toEqual(['/fhir/Patient/p-1', '/cds-services/cdss-patient-view']);
    const body = JSON.parse(String(seen[1].data)) as { hook: string; hookInstance: string; context: { patientId: string }; prefetch: { patient: unknown } };
    expect(body.hook).toBe('patient-view');
    expect(body.hookInstance).not.toBe('');
    expect(body.context.patientId).toBe('p-1');
    expect(body.prefetch.patient).toEqual(patient);
  });
});
