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

describe('audit viewer (issue 15 item 6)', () => {
  const originalAdapter = apiClient.defaults.adapter;
  const auditParams: Record<string, unknown>[] = [];

  beforeEach(async () => {
    auditParams.length = 0;
    localStorage.clear();
    await setLanguage('ko');
    apiClient.defaults.adapter = fakeServer({
      'GET /api/auth/csrf': () => ({ status: 204 }),
      'GET /api/me': () => ({ status: 200, data: admin }),
      'GET /api/admin/audit/actions': () => ({ status: 200, data: ['PATIENT_READ'] }),
      'GET /api/admin/audit': (config) => {
        auditParams.push({ ...config.params });
        return {
          status: 200,
          data: {
            content: [
              {
                id: 'e1',
                occurredAt: '2026-12-06T01:00:00Z',
                userId: 'u1',
                username: 'nurse.kim',
                userDisplayName: '김간호',
                roles: 'NURSE',
                action: 'PATIENT_READ',
                resourceType: 'Patient',
                patientId: PATIENT_ID,
                patientName: '홍길동',
                patientMrn: 'M0001',
                outcome: 'SUCCESS',
              },
            ],
            page: { number: 0, size: 20, totalElements: 1, totalPages: 1 },
          },
        };
      },
      'GET /api/admin/patients': (config) => ({
        status: 200,
        data: config.params?.q === 'M0001' ? [{ id: PATIENT_ID, name: '홍길동', mrn: 'M0001', birthDate: '1980-01-01' }] : [],
      }),
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={createMemoryRouter(routes, { initialEntries: ['/admin/audit'] })} />
      </AppProviders>,
    );
  });

  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('names the user and the patient, ids only in tooltips', async () => {
    const row = (await screen.findAllByTestId('audit-row'))[0]!;
    expect(within(row).getByTestId('audit-user').textContent).toBe('김간호');
    expect(within(row).getByTestId('audit-user').getAttribute('title')).toBe('nurse.kim');
    expect(within(row).getByTestId('audit-patient').textContent).toBe('홍길동 (M0001)');
    expect(row.textContent).not.toContain(PATIENT_ID);
  });

  it('lets the administrator pick a patient by MRN and filters by that patient', async () => {
    await screen.findAllByTestId('audit-row');
    fireEvent.change(screen.getByTestId('audit-filter-patient'), { target: { value: 'M0001' } });
    const matches = await screen.findByTestId('audit-patient-matches', {}, { timeout: 2000 });
    fireEvent.click(within(matches).getByRole('button'));
    expect(screen.getByTestId('audit-patient-picked').textContent).toContain('홍길동 (M0001)');
    fireEvent.click(screen.getByTestId('audit-filter-apply'));
    await waitFor(() => expect(auditParams.at(-1)?.patientId).toBe(PATIENT_ID));
  });
});
