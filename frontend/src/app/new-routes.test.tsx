import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../lib/api-client';
import { setLanguage } from '../lib/i18n';
import { fakeServer, type FakeServerOptions, type Handler } from '../test/fake-server';
import type { AppointmentView, MedicationCheckResult, MeView } from '../types/api';
import { AppProviders } from './providers';
import { routes } from './router';

const calls: string[] = [];

const recordCalls: FakeServerOptions = { onRequest: (_config, key) => calls.push(key) };

const user = (roles: MeView['roles']): MeView => ({ id: '00000000-0000-0000-0000-000000000009', username: 'u', displayName: '사용자', roles, departments: [] });

function renderAt(path: string, me: MeView, handlers: Record<string, Handler> = {}) {
  apiClient.defaults.adapter = fakeServer({
    'GET /api/auth/csrf': () => ({ status: 204 }),
    'GET /api/me': () => ({ status: 200, data: me }),
    'GET /api/departments': () => ({ status: 200, data: [] }),
    ...handlers,
  }, recordCalls);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={createMemoryRouter(routes, { initialEntries: [path] })} />
    </AppProviders>,
  );
}

const appointment = (id: string, status: AppointmentView['status'], localStart: string): AppointmentView => ({
  id,
  status,
  localStart,
  zone: 'Asia/Seoul',
  patientName: '홍길동',
  patientMrn: 'MRN1',
  doctorName: '김의사',
});

describe('scheduling and medication safety routes', () => {
  const originalAdapter = apiClient.defaults.adapter;

  beforeEach(async () => {
    calls.length = 0;
    localStorage.clear();
    await setLanguage('ko');
  });

  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it.each(['/appointments', '/queue', '/drug-check', '/kb', '/appointments/schedules'])('keeps a patient out of %s', async (path) => {
    renderAt(path, user(['PATIENT']));
    expect(await screen.findByTestId('forbidden-page')).toBeDefined();
  });

  it('keeps staff out of the patient\u2019s own appointments', async () => {
    renderAt('/my-appointments', user(['NURSE']));
    expect(await screen.findByTestId('forbidden-page')).toBeDefined();
  });

  it('lists the day with wall-clock times and the actions the status allows; check-in posts', async () => {
    renderAt('/appointments', user(['NURSE']), {
      'GET /api/appointments': () => ({
        status: 200,
        data: [appointment('a1', 'SCHEDULED', '2026-03-02T09:30:00'), appointment('a2', 'IN_CONSULTATION', '2026-03-02T10:00:00')],
      }),
      'POST /api/appointments/a1/check-in': () => ({ status: 200, data: appointment('a1', 'CHECKED_IN', '2026-03-02T09:30:00') }),
    });
    const page = await screen.findByTestId('appointments-page');
    const rows = await within(page).findAllByTestId('appointment-row');
    expect(rows[0]?.textContent).toContain('09:30');
    expect(rows[0]?.textContent).toContain('예약됨');
    expect(screen.queryByTestId('complete-a2')).toBeNull(); // nurses do not complete consultations
    fireEvent.click(screen.getByTestId('check-in-a1'));
    await waitFor(() => expect(calls).toContain('POST /api/appointments/a1/check-in'));
  });

  it('books from the free slots and shows the slot-taken message (appointment.slot-taken) when the slot was just taken', async () => {
    const P = '11111111-1111-4111-8111-111111111111';
    const D = '22222222-2222-4222-8222-222222222222';
    const DOC = '33333333-3333-4333-8333-333333333333';
    renderAt('/appointments', user(['ADMIN_STAFF']), {
      'GET /api/appointments': () => ({ status: 200, data: [] }),
      'GET /api/departments': () => ({ status: 200, data: [{ id: D, code: 'IM', nameKo: '내과', nameEn: 'Internal Medicine', active: true }] }),
      'GET /api/patients': () => ({ status: 200, data: { content: [{ id: P, name: '홍길동', mrn: 'M1' }] } }),
      'GET /api/doctors': () => ({ status: 200, data: [{ id: DOC, displayName: '김의사', departments: [] }] }),
      'GET /api/appointments/slots': () => ({
        status: 200,
        data: [
          { localStart: '2026-03-02T09:30:00', free: true, minutes: 15 },
          { localStart: '2026-03-02T09:45:00', free: false, minutes: 15 },
        ],
      }),
      'POST /api/appointments': () => ({ status: 409, data: { status: 409, code: 'appointment.slot-taken' } }),
    });
    fireEvent.click(await screen.findByTestId('book-appointment'));
    fireEvent.change(await screen.findByTestId('book-patient-search'), { target: { value: '홍' } });
    fireEvent.click(screen.getByTestId('book-patient-search-submit'));
    fireEvent.click(await screen.findByTestId(`patient-option-${P}`));
    await screen.findByRole('option', { name: '내과' });
    fireEvent.change(screen.getByTestId('book-department'), { target: { value: D } });
    await screen.findByRole('option', { name: '김의사' });
    fireEvent.change(screen.getByTestId('book-doctor'), { target: { value: DOC } });
    fireEvent.click(await screen.findByTestId('slot-09:30'));
    expect(screen.queryByTestId('slot-09:45')).toBeNull();
    fireEvent.click(screen.getByTestId('book-submit'));
    expect((await screen.findByTestId('book-error')).textContent).toContain('방금 다른 사람이');
  });

  it('shows the empty state for a day without appointments', async () => {
    renderAt('/appointments', user(['ADMIN_STAFF']), { 'GET /api/appointments': () => ({ status: 200, data: [] }) });
    expect(await screen.findByTestId('empty-state')).toBeDefined();
    expect(screen.getByTestId('open-schedules')).toBeDefined();
  });

  it('checks a picked drug and shows grouped alerts, the incomplete banner and the KB version', async () => {
    const result: MedicationCheckResult = {
      complete: false,
      kb: { version: 'kb-2026.1' },
      alerts: [
        { ruleId: 'r-minor', severity: 'MINOR', tier: 'SHOWN', whatHappens: '약간', source: 'SRC' },
        { ruleId: 'r-ci', severity: 'CONTRAINDICATED', tier: 'HARD_STOP', drugs: [{ id: 'W', name: '와파린' }], whatToDo: '병용 금지' },
      ],
    };
    renderAt('/drug-check', user(['DOCTOR']), {
      'GET /api/medsafety/drugs': () => ({ status: 200, data: [{ id: 'W', nameKo: '와파린', nameEn: 'warfarin' }] }),
      'POST /api/medsafety/check': () => ({ status: 200, data: result }),
    });
    fireEvent.change(await screen.findByTestId('drug-search'), { target: { value: '와파' } });
    fireEvent.click(await screen.findByTestId('drug-option-W'));
    expect(screen.getAllByTestId('proposed-item')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('run-check'));
    expect(await screen.findByTestId('check-incomplete')).toBeDefined();
    const alerts = screen.getAllByTestId('safety-alert').map((el) => el.getAttribute('data-rule'));
    expect(alerts).toEqual(['r-ci', 'r-minor']);
    expect(screen.getByTestId('severity-CONTRAINDICATED').textContent).toContain('금기');
    expect(screen.getByTestId('kb-version').textContent).toContain('kb-2026.1');
  });
});
