import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { fakeServer, type Handler } from '../../../test/fake-server';
import type { EncounterDetailView } from '../../../types/api';
import { VitalsCard } from './encounter-page';

const ENCOUNTER = '77777777-7777-4777-8777-777777777777';
const posted: unknown[] = [];

/** POST vitals: an empty body is refused the way the server does (a field error with an empty pointer). */
const handlers: Record<string, Handler> = {
  [`POST /api/encounters/${ENCOUNTER}/vitals`]: (config) => {
    const body = JSON.parse(String(config.data)) as Record<string, unknown>;
    posted.push(body);
    if (Object.keys(body).length === 0) {
      return {
        status: 400,
        data: { status: 400, code: 'validation', detail: 'Some fields are missing or invalid.', errors: [{ pointer: '', message: 'Record at least one value.' }] },
      };
    }
    return { status: 201, data: { id: 'v1', ...body } };
  },
};

function renderCard() {
  apiClient.defaults.adapter = fakeServer(handlers);
  const detail = { encounter: { id: ENCOUNTER }, vitals: [] } as EncounterDetailView;
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <VitalsCard detail={detail} canWrite />
    </QueryClientProvider>,
  );
}

describe('VitalsCard', () => {
  const originalAdapter = apiClient.defaults.adapter;
  beforeEach(async () => {
    posted.length = 0;
    await setLanguage('en');
  });
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('shows a field error for a value that is not a number and sends nothing, keeping what was typed', async () => {
    renderCard();
    fireEvent.change(screen.getByLabelText('Systolic BP (mmHg)'), { target: { value: '120/80' } });
    fireEvent.change(screen.getByLabelText('Temperature (°C)'), { target: { value: '36,8' } });
    fireEvent.change(screen.getByLabelText('Heart rate (/min)'), { target: { value: '76' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record vital signs' }));
    expect(screen.getByTestId('vitals-systolic-error').textContent).toBe('One value per field: systolic and diastolic pressure each have their own field.');
    expect(screen.getByTestId('vitals-temperatureC-error').textContent).toBe('Use a decimal point, not a comma (36.8).');
    expect(screen.getByLabelText('Temperature (°C)').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText('Heart rate (/min)') as HTMLInputElement).value).toBe('76');
    expect(posted).toEqual([]);

    fireEvent.change(screen.getByLabelText('Systolic BP (mmHg)'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Temperature (°C)'), { target: { value: '36.8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record vital signs' }));
    await waitFor(() => expect(posted).toEqual([{ heartRate: 76, temperatureC: 36.8 }]));
    await waitFor(() => expect((screen.getByLabelText('Heart rate (/min)') as HTMLInputElement).value).toBe(''));
    expect(screen.getByTestId('vitals-temperatureC-error').textContent).toBe('');
  });

  it('says what the server refused when no field can show it (an empty pointer)', async () => {
    renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Record vital signs' }));
    const alert = await screen.findByTestId('vitals-error');
    expect(alert.textContent).toContain('Some fields are missing or invalid.');
    expect(alert.textContent).toContain('Record at least one value.');
  });
});
