import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { routes } from '../../../app/router';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { fakeServer } from '../../../test/fake-server';
import type { MeView, UserView } from '../../../types/api';

const PATIENT_ID = '11111111-2222-3333-4444-555555555555';
const USER_ID = '22222222-3333-4444-5555-666666666666';
const admin: MeView = { id: '00000000-0000-0000-0000-00000000000a', username: 'admin', displayName: '관리자', roles: ['ADMIN'], departments: [], timeZone: 'Asia/Seoul' };
const portalUser: UserView = {
  id: USER_ID,
  username: 'pt.hong',
  displayName: '홍길동',
  roles: ['PATIENT'],
  departments: [],
  active: true,
  locked: false,
  patientId: PATIENT_ID,
  createdAt: '2026-12-01T01:00:00Z',
  version: 0,
};

describe('user edit page: a patient account', () => {
  const originalAdapter = apiClient.defaults.adapter;
  let headerDown = false;

  beforeEach(async () => {
    localStorage.clear();
    await setLanguage('ko');
    apiClient.defaults.adapter = fakeServer({
      'GET /api/auth/csrf': () => ({ status: 204 }),
      'GET /api/me': () => ({ status: 200, data: admin }),
      'GET /api/departments': () => ({ status: 200, data: [] }),
      [`GET /api/admin/users/${USER_ID}`]: () => ({ status: 200, data: portalUser }),
      [`GET /api/admin/patients/${PATIENT_ID}`]: () =>
        headerDown
          ? { status: 500, data: { status: 500, code: 'internal' } }
          : { status: 200, data: { id: PATIENT_ID, mrn: 'M0001', name: '홍길동', birthDate: '1970-01-01', sex: 'M', active: true } },
    });
  });

  afterEach(() => {
    headerDown = false;
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('names the linked patient by name and MRN, never by the raw patient id', async () => {
    render(
      <AppProviders queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={createMemoryRouter(routes, { initialEntries: [`/admin/users/${USER_ID}`] })} />
      </AppProviders>,
    );
    const patient = await screen.findByTestId('user-patient');
    await waitFor(() => expect(patient.textContent).toBe('홍길동 (M0001)'));
    expect(patient.getAttribute('title')).toBe(PATIENT_ID);
    expect(screen.getByTestId('admin-user-edit-page').textContent).not.toContain(PATIENT_ID);
  });

  it('says the account is linked to a patient when the header cannot be read, still without the raw id', async () => {
    headerDown = true;
    render(
      <AppProviders queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={createMemoryRouter(routes, { initialEntries: [`/admin/users/${USER_ID}`] })} />
      </AppProviders>,
    );
    const patient = await screen.findByTestId('user-patient');
    expect(patient.textContent).toBe('환자 계정으로 연결됨');
    // the id stays for a tooltip, never as text
    expect(patient.getAttribute('title')).toBe(PATIENT_ID);
    expect(screen.getByTestId('admin-user-edit-page').textContent).not.toContain(PATIENT_ID);
  });
});
