import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { AxiosHeaders, type AxiosAdapter } from 'axios';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { createQueryClient } from '../../../lib/query-client';
import type { AppointmentView } from '../../../types/api';
import { AppointmentActions } from './appointment-actions';

const posted: string[] = [];
const fake: AxiosAdapter = async (config) => {
  posted.push(`${config.method?.toUpperCase()} ${config.url}`);
  return { status: 200, statusText: '', data: {}, headers: new AxiosHeaders(), config, request: {} };
};

const scheduled = { id: 'a1', patientId: 'p1', status: 'SCHEDULED' } as AppointmentView;

function renderActions() {
  render(
    <AppProviders queryClient={createQueryClient()}>
      <MemoryRouter>
        <AppointmentActions appointment={scheduled} roles={['ADMIN_STAFF']} />
      </MemoryRouter>
    </AppProviders>,
  );
}

// Issue 15 item 6: the front desk's appointment steps say what they did; a no-show (final) is asked first.
describe('appointment actions', () => {
  const original = apiClient.defaults.adapter;
  beforeEach(async () => {
    posted.length = 0;
    await setLanguage('ko');
    apiClient.defaults.adapter = fake;
  });
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = original;
  });

  it('announces a check-in in a success toast', async () => {
    renderActions();
    fireEvent.click(screen.getByTestId('check-in-a1'));
    expect((await screen.findByTestId('toast')).textContent).toContain('접수했습니다.');
    expect(posted).toContain('POST /api/appointments/a1/check-in');
  });

  it('marks a no-show only after the dialog confirms it, then says so', async () => {
    renderActions();
    fireEvent.click(screen.getByTestId('no-show-a1'));
    expect(await screen.findByRole('dialog', { name: '이 예약을 미방문으로 표시할까요?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '취소' }));
    expect(posted).toEqual([]);

    fireEvent.click(screen.getByTestId('no-show-a1'));
    fireEvent.click(await screen.findByTestId('confirm-action'));
    // (the toast store outlives a test: look for this toast's words)
    expect(await screen.findByText('미방문으로 표시했습니다.')).toBeTruthy();
    expect(posted).toEqual(['POST /api/appointments/a1/no-show']);
  });
});
