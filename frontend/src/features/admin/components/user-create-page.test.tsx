import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { routes } from '../../../app/router';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { fakeServer } from '../../../test/fake-server';
import type { MeView } from '../../../types/api';

const PATIENT_ID = '11111111-2222-3333-4444-555555555555';
const admin: MeView = { id: '00000000-0000-0000-0000-00000000000a', username: 'admin', displayName: '관리자', roles: ['ADMIN'], departments: [], timeZone: 'Asia/Seoul' };

describe('new user: a patient account is linked by picking the patient, not by typing an id', () => {
  const originalAdapter = apiClient.defaults.adapter;
  const created: Record<string, unknown>[] = [];

  beforeEach(async () => {
    created.length = 0;
    localStorage.clear();
    await setLanguage('ko');
    apiClient.defaults.adapter = fakeServer({
      'GET /api/auth/csrf': () => ({ status: 204 }),
      'GET /api/me': () => ({ status: 200, data: admin }),
      'GET /api/departments': () => ({ status: 200, data: [] }),
      'GET /api/admin/patients': (config) => ({
        status: 200,
        data: config.params?.q === '홍길' ? [{ id: PATIENT_ID, name: '홍길동', mrn: 'M0001', birthDate: '1980-01-01' }] : [],
      }),
      'POST /api/admin/users': (config) => {
        created.push(JSON.parse(String(config.data)) as Record<string, unknown>);
        return { status: 201, data: { id: 'u-new', username: 'pt.hong', roles: ['PATIENT'] } };
      },
      [`GET /api/admin/patients/${PATIENT_ID}`]: () => ({
        status: 200,
        data: { id: PATIENT_ID, mrn: 'M0001', name: '홍길동', birthDate: '1970-01-01', sex: 'M', active: true },
      }),
      'GET /api/admin/users/u-new': () => ({
        status: 200,
        data: { id: 'u-new', username: 'pt.hong', displayName: '홍길동', roles: ['PATIENT'], departments: [], active: true, patientId: PATIENT_ID, version: 0 },
      }),
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={createMemoryRouter(routes, { initialEntries: ['/admin/users/new'] })} />
      </AppProviders>,
    );
  });

  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('shows the picked patient by name and MRN, sends its id, and names the patient on the new account\'s page', async () => {
    await screen.findByTestId('admin-user-new-page');
    fireEvent.change(document.getElementById('username')!, { target: { value: 'pt.hong' } });
    fireEvent.change(document.getElementById('displayName')!, { target: { value: '홍길동' } });
    fireEvent.change(document.getElementById('password')!, { target: { value: 'Correct-Horse-42-battery' } });
    fireEvent.click(screen.getByTestId('role-PATIENT'));
    fireEvent.change(screen.getByTestId('user-patient-pick'), { target: { value: '홍길' } });
    const matches = await screen.findByTestId('audit-patient-matches', {}, { timeout: 2000 });
    fireEvent.click(within(matches).getByRole('button'));
    const picked = screen.getByTestId('audit-patient-picked');
    expect(picked.textContent).toContain('홍길동 (M0001)');
    expect(screen.getByTestId('admin-user-new-page').textContent).not.toContain(PATIENT_ID);
    fireEvent.click(screen.getByTestId('user-save'));
    await waitFor(() => expect(created.at(-1)?.patientId).toBe(PATIENT_ID));

    // the new account's page names the patient just picked, not its id
    const linked = await screen.findByTestId('user-patient');
    await waitFor(() => expect(linked.textContent).toBe('홍길동 (M0001)'));
    expect(screen.getByTestId('admin-user-edit-page').textContent).not.toContain(PATIENT_ID);
  });
});
