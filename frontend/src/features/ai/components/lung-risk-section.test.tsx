import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { fakeServer, type FakeServerOptions } from '../../../test/fake-server';
import type { SuggestionView } from '../../../types/api';
import { LUNG_RISK_INPUTS } from '../lib/model-card';
import { LungRiskSection } from './lung-risk-section';

const posted: { url: string; body: unknown }[] = [];

const recordPosts: FakeServerOptions = {
  onRequest: (config) => {
    if (config.method === 'post') posted.push({ url: config.url ?? '', body: JSON.parse(String(config.data)) });
  },
};

const PATIENT = '11111111-1111-4111-8111-111111111111';
const suggestion: SuggestionView = {
  id: '22222222-2222-4222-8222-222222222222',
  modelId: 'lung-risk',
  modelVersion: '1.0.0',
  modelSha256: 'ab'.repeat(32),
  probability: 0.97,
  band: 'HIGH',
  contributions: LUNG_RISK_INPUTS.map((input, i) => ({ input, value: 1, logOdds: i % 2 === 0 ? 0.5 : -0.2 })),
};

function renderSection() {
  apiClient.defaults.adapter = fakeServer({
    [`GET /api/ai/lung-risk/prefill?patientId=${PATIENT}`]: () => ({ status: 200, data: { patientId: PATIENT, sexCode: 1, age: 67 } }),
    [`GET /api/ai/suggestions?patientId=${PATIENT}`]: () => ({ status: 200, data: [] }),
    'POST /api/ai/lung-risk/predict': () => ({ status: 200, data: suggestion }),
    [`POST /api/ai/suggestions/${suggestion.id}/decision`]: () => ({ status: 200, data: { ...suggestion, decision: 'ACCEPTED' } }),
  }, recordPosts);
  const router = createMemoryRouter([{ path: '/', element: <LungRiskSection patientId={PATIENT} /> }]);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('LungRiskSection', () => {
  const originalAdapter = apiClient.defaults.adapter;

  beforeEach(async () => {
    posted.length = 0;
    await setLanguage('en');
  });
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('says plainly that the model is a research model, pre-fills sex and age, and shows probability, band and contributions', async () => {
    renderSection();
    expect(screen.getByTestId('lung-risk-disclaimer').textContent).toMatch(/not for diagnosis/);
    fireEvent.click(screen.getByTestId('lung-risk-open'));
    await waitFor(() => expect((screen.getByTestId('lung-risk-age') as HTMLInputElement).value).toBe('67'));
    expect((screen.getByTestId('lung-risk-sex') as HTMLSelectElement).value).toBe('1');
    fireEvent.click(screen.getByTestId('lung-risk-smoking'));
    fireEvent.click(screen.getByTestId('lung-risk-run'));
    await screen.findByTestId('lung-risk-result');
    expect(posted[0].body).toMatchObject({ patientId: PATIENT, inputs: { sexCode: 1, age: 67, smoking: true, coughing: false } });
    expect(screen.getByTestId('lung-risk-probability').textContent).toBe('97%');
    expect(screen.getByTestId('lung-risk-band').textContent).toBe('High');
    expect(screen.getAllByTestId('lung-risk-contributions-bar')).toHaveLength(15);

    fireEvent.click(screen.getByTestId('lung-risk-accept'));
    await screen.findByTestId('lung-risk-decided');
    expect(posted[1]).toMatchObject({ url: `/api/ai/suggestions/${suggestion.id}/decision`, body: { decision: 'ACCEPTED' } });
  });

  it('refuses to run with an age outside 0–120', async () => {
    renderSection();
    fireEvent.click(screen.getByTestId('lung-risk-open'));
    await waitFor(() => expect((screen.getByTestId('lung-risk-age') as HTMLInputElement).value).toBe('67'));
    fireEvent.change(screen.getByTestId('lung-risk-age'), { target: { value: '130' } });
    expect((screen.getByTestId('lung-risk-run') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('lung-risk-age-error').textContent).toMatch(/0 to 120/);
  });

  it.each(['6,7', '  ', '4.5e1', '0x2D'])('refuses an age that is not a plain whole number (%j), never guessing one', async (age) => {
    renderSection();
    fireEvent.click(screen.getByTestId('lung-risk-open'));
    await waitFor(() => expect((screen.getByTestId('lung-risk-age') as HTMLInputElement).value).toBe('67'));
    fireEvent.change(screen.getByTestId('lung-risk-age'), { target: { value: age } });
    expect((screen.getByTestId('lung-risk-run') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('lung-risk-age-error').textContent).toMatch(/0 to 120/);
  });

  it('records a changed band as an edit with its own reason, never the text typed to reject', async () => {
    renderSection();
    fireEvent.click(screen.getByTestId('lung-risk-open'));
    await waitFor(() => expect((screen.getByTestId('lung-risk-age') as HTMLInputElement).value).toBe('67'));
    fireEvent.click(screen.getByTestId('lung-risk-run'));
    await screen.findByTestId('lung-risk-result');
    // begun as a rejection, then changed to an edit: the rejection form and its text are gone
    fireEvent.click(screen.getByTestId('lung-risk-reject'));
    fireEvent.change(screen.getByTestId('lung-risk-reason'), { target: { value: 'Wrong patient' } });
    fireEvent.click(screen.getByTestId('lung-risk-edit'));
    expect(screen.queryByTestId('lung-risk-reason')).toBeNull();
    expect((screen.getByTestId('lung-risk-edit-reason') as HTMLInputElement).value).toBe('');
    expect(screen.getByLabelText('Reason for the change (optional)')).toBeTruthy();
    fireEvent.change(screen.getByTestId('lung-risk-edited-band'), { target: { value: 'MEDIUM' } });
    fireEvent.change(screen.getByTestId('lung-risk-edit-reason'), { target: { value: 'Nodule stable on prior CT' } });
    fireEvent.click(screen.getByTestId('lung-risk-edit-confirm'));
    await waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1].body).toEqual({ decision: 'EDITED', editedBand: 'MEDIUM', reason: 'Nodule stable on prior CT', shareWithPatient: false });
  });

  it('starts the rejection empty after switching from an edit', async () => {
    renderSection();
    fireEvent.click(screen.getByTestId('lung-risk-open'));
    await waitFor(() => expect((screen.getByTestId('lung-risk-age') as HTMLInputElement).value).toBe('67'));
    fireEvent.click(screen.getByTestId('lung-risk-run'));
    await screen.findByTestId('lung-risk-result');
    fireEvent.click(screen.getByTestId('lung-risk-edit'));
    fireEvent.change(screen.getByTestId('lung-risk-edit-reason'), { target: { value: 'Stable' } });
    fireEvent.click(screen.getByTestId('lung-risk-reject'));
    expect(screen.queryByTestId('lung-risk-edit-reason')).toBeNull();
    expect((screen.getByTestId('lung-risk-reason') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('lung-risk-reject-confirm') as HTMLButtonElement).disabled).toBe(true);
  });

  it('needs a reason to reject', async () => {
    renderSection();
    fireEvent.click(screen.getByTestId('lung-risk-open'));
    await waitFor(() => expect((screen.getByTestId('lung-risk-age') as HTMLInputElement).value).toBe('67'));
    fireEvent.click(screen.getByTestId('lung-risk-run'));
    await screen.findByTestId('lung-risk-result');
    fireEvent.click(screen.getByTestId('lung-risk-reject'));
    expect((screen.getByTestId('lung-risk-reject-confirm') as HTMLButtonElement).disabled).toBe(true);
  });
});
