import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, MemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { createQueryClient } from '../../../lib/query-client';
import { fakeServer, type FakeServerOptions, type Handler } from '../../../test/fake-server';
import type { EncounterDetailView, EncounterView } from '../../../types/api';
import { EncounterList } from './encounter-list';
import { EncounterPage } from './encounter-page';
import { VoidEncounterButton } from './void-encounter-dialog';

const calls: string[] = [];
const posted: unknown[] = [];

const recordCalls: FakeServerOptions = {
  onRequest: (config, key) => {
    calls.push(key);
    if (config.method === 'post') posted.push(JSON.parse(String(config.data)));
  },
};

const PATIENT = '11111111-1111-4111-8111-111111111111';
const ENCOUNTER = '77777777-7777-4777-8777-777777777777';
const finished: EncounterView = {
  id: ENCOUNTER,
  patientId: PATIENT,
  doctorName: '김의사',
  status: 'FINISHED',
  startedAt: '2026-12-01T01:00:00Z',
  diagnoses: [],
  version: 1,
};
const voided: EncounterView = { ...finished, status: 'ENTERED_IN_ERROR', voidReason: '다른 환자에게 기록함', version: 2 };

/** The visit list and the void action side by side: voiding refreshes the list (the records queries). */
function renderListWithAction(handlers: Record<string, Handler>) {
  apiClient.defaults.adapter = fakeServer(handlers, recordCalls);
  render(
    <AppProviders queryClient={createQueryClient()}>
      <MemoryRouter>
        <EncounterList patientId={PATIENT} linked={false} />
        <VoidEncounterButton encounterId={ENCOUNTER} />
      </MemoryRouter>
    </AppProviders>,
  );
}

function renderPage(roles: string[], encounter: EncounterView) {
  apiClient.defaults.adapter = fakeServer({
    [`GET /api/encounters/${ENCOUNTER}`]: () => ({ status: 200, data: { encounter, notes: [], vitals: [] } satisfies EncounterDetailView }),
    [`GET /api/encounters/${ENCOUNTER}/note-draft`]: () => ({ status: 204 }),
  }, recordCalls);
  const router = createMemoryRouter([{ path: '/encounters/:id', element: <EncounterPage roles={roles} /> }], {
    initialEntries: [`/encounters/${ENCOUNTER}`],
  });
  render(
    <AppProviders queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

describe('voiding a visit (entered in error)', () => {
  const originalAdapter = apiClient.defaults.adapter;
  beforeEach(async () => {
    calls.length = 0;
    posted.length = 0;
    await setLanguage('ko');
  });
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('sends the reason, then the refreshed list shows the visit as entered in error', async () => {
    let current = finished;
    renderListWithAction({
      [`GET /api/patients/${PATIENT}/encounters`]: () => ({ status: 200, data: [current] }),
      [`POST /api/encounters/${ENCOUNTER}/void`]: () => {
        current = voided;
        return { status: 200, data: { encounter: voided, notes: [], vitals: [] } };
      },
    });
    expect((await screen.findByTestId('encounter-status')).getAttribute('data-status')).toBe('FINISHED');

    fireEvent.click(screen.getByTestId('void-encounter'));
    const dialog = await screen.findByRole('dialog', { name: '이 진료를 오류 입력으로 표시할까요?' });
    fireEvent.change(within(dialog).getByLabelText('사유'), { target: { value: '  다른 환자에게 기록함 ' } });
    fireEvent.click(within(dialog).getByTestId('void-submit'));

    expect(await screen.findByText('진료를 오류 입력으로 표시했습니다.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('encounter-status').getAttribute('data-status')).toBe('ENTERED_IN_ERROR'));
    expect(screen.getByTestId('encounter-status').textContent).toBe('오류 입력');
    expect(screen.getByTestId('encounter-void-reason').textContent).toBe('오류 입력 사유: 다른 환자에게 기록함');
    expect(posted).toEqual([{ reason: '다른 환자에게 기록함' }]);
    expect(calls.filter((c) => c === `GET /api/patients/${PATIENT}/encounters`)).toHaveLength(2);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks for the reason and sends nothing without it', async () => {
    renderListWithAction({ [`GET /api/patients/${PATIENT}/encounters`]: () => ({ status: 200, data: [finished] }) });
    fireEvent.click(screen.getByTestId('void-encounter'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('사유'), { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByTestId('void-submit'));
    expect(within(dialog).getByTestId('void-reason-error').textContent).toBe('필수 입력 항목입니다.');
    expect(within(dialog).getByLabelText('사유').getAttribute('aria-invalid')).toBe('true');
    expect(posted).toEqual([]);
  });

  it("says the server's refusal in the dialog and keeps it open", async () => {
    renderListWithAction({
      [`GET /api/patients/${PATIENT}/encounters`]: () => ({ status: 200, data: [finished] }),
      [`POST /api/encounters/${ENCOUNTER}/void`]: () => ({
        status: 409,
        data: { status: 409, code: 'record.invalid-transition', detail: '이미 오류 입력으로 표시된 진료입니다.' },
      }),
    });
    fireEvent.click(screen.getByTestId('void-encounter'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('사유'), { target: { value: '중복 기록' } });
    fireEvent.click(within(dialog).getByTestId('void-submit'));
    expect((await within(dialog).findByTestId('void-encounter-error')).textContent).toBe('이미 오류 입력으로 표시된 진료입니다.');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('offers the action to a doctor only, and not on a visit voided already, which shows its reason', async () => {
    renderPage(['DOCTOR'], finished);
    expect(await screen.findByTestId('void-encounter')).toBeTruthy();
    cleanup();

    renderPage(['NURSE'], finished);
    expect(await screen.findByTestId('encounter-status')).toBeTruthy();
    expect(screen.queryByTestId('void-encounter')).toBeNull();
    cleanup();

    renderPage(['DOCTOR'], voided);
    expect((await screen.findByTestId('encounter-void-reason')).textContent).toBe('오류 입력 사유: 다른 환자에게 기록함');
    expect(screen.queryByTestId('void-encounter')).toBeNull();
  });
});
