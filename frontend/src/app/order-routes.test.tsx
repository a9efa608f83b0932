import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../lib/api-client';
import { setLanguage } from '../lib/i18n';
import { fakeServer, type FakeServerOptions, type Handler } from '../test/fake-server';
import type { MeView, OrderDetailView, OrderView, SafetyBlockedProblem, SafetyFinding } from '../types/api';
import { OVERRIDE_REASONS } from '../components/safety/severity';

const ALL_REASONS = [...OVERRIDE_REASONS];
import { AppProviders } from './providers';
import { routes } from './router';

interface Call {
  key: string;
  body: unknown;
  idempotencyKey?: string;
}
const calls: Call[] = [];

const recordCalls: FakeServerOptions = {
  keyOf: (config) => `${config.method?.toUpperCase()} ${(config.url ?? '').split('?')[0]}`,
  onRequest: (config, key) =>
    calls.push({
      key,
      body: typeof config.data === 'string' ? JSON.parse(config.data) : config.data,
      idempotencyKey: config.headers?.['Idempotency-Key'] as string | undefined,
    }),
};

const PHARMACY = '0d1f0000-0000-4000-8000-0000000000aa';
const me = (roles: MeView['roles']): MeView => ({
  id: '00000000-0000-0000-0000-000000000009',
  username: 'u',
  displayName: '사용자',
  roles,
  departments: [{ id: PHARMACY, code: 'PHARMACY', nameKo: '약제부', nameEn: 'Pharmacy', active: true }],
});

function renderAt(path: string, user: MeView, handlers: Record<string, Handler> = {}) {
  apiClient.defaults.adapter = fakeServer({
    'GET /api/auth/csrf': () => ({ status: 204 }),
    'GET /api/me': () => ({ status: 200, data: user }),
    'GET /api/departments': () => ({ status: 200, data: user.departments }),
    ...handlers,
  }, recordCalls);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={createMemoryRouter(routes, { initialEntries: [path] })} />
    </AppProviders>,
  );
}

const view = (id: string, patch: Partial<OrderView> = {}): OrderView => ({
  id,
  orderNumber: `O-${id}`,
  patientName: '홍길동',
  patientMrn: 'M1',
  type: 'MEDICATION',
  priority: 'ROUTINE',
  status: 'PENDING',
  summary: 'Simvastatin 20 mg PO QD × 14 d',
  // written by the signed-in user of me(): a doctor's actions are offered on their own orders only
  orderedBy: '00000000-0000-0000-0000-000000000009',
  overdue: false,
  version: 1,
  // as the server answers it (Order.prescriberMayCancel) for an order that is not acquired imaging
  prescriberMayCancel: patch.status !== 'COMPLETED' && patch.status !== 'CANCELLED',
  ...patch,
});
const detail = (order: OrderView, patch: Partial<OrderDetailView> = {}): OrderDetailView => ({
  order,
  timeline: [],
  results: [],
  dispenses: [],
  overrides: [],
  ...patch,
});

describe('order screens', () => {
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

  it('shows the 422 findings in the alert dialog and sends again with the coded override and comment', async () => {
    let sends = 0;
    renderAt('/orders/o1', me(['DOCTOR']), {
      'GET /api/ocs/orders/o1': () => ({ status: 200, data: detail(view('o1')) }),
      'POST /api/ocs/orders/o1/send': () => {
        sends += 1;
        if (sends === 1) {
          return {
            status: 422,
            data: {
              status: 422,
              code: 'order.safety-blocked',
              checkId: 'c1',
              findings: [
                {
                  ruleId: 'DDI-1',
                  type: 'INTERACTION',
                  severity: 'CONTRAINDICATED',
                  tier: 'HARD_STOP',
                  drugs: ['Simvastatin', 'Clarithromycin'],
                  whatHappens: 'Rhabdomyolysis risk',
                  whatToDo: 'Avoid',
                  source: 'KB',
                  override: { blocking: true, acknowledgementRequired: false, reasonRequired: true, reasons: ALL_REASONS, commentRequiredFor: ALL_REASONS },
                },
              ],
            } satisfies SafetyBlockedProblem,
          };
        }
        return { status: 200, data: detail(view('o1', { status: 'SENT' })) };
      },
    });
    fireEvent.click(await screen.findByTestId('order-send'));
    const dialog = await screen.findByTestId('safety-alert-dialog');
    expect(within(dialog).getByTestId('severity-CONTRAINDICATED').textContent).toContain('Simvastatin + Clarithromycin');
    // a hard stop needs a comment: confirming without one stays in the dialog
    fireEvent.change(within(dialog).getByTestId('override-reason'), { target: { value: 'BENEFIT_OUTWEIGHS_RISK' } });
    fireEvent.click(within(dialog).getByTestId('override-confirm'));
    expect(sends).toBe(1);
    fireEvent.change(within(dialog).getByTestId('override-comment'), { target: { value: ' CK monitored ' } });
    fireEvent.click(within(dialog).getByTestId('override-confirm'));
    await waitFor(() => expect(sends).toBe(2));
    const sent = calls.filter((c) => c.key === 'POST /api/ocs/orders/o1/send');
    expect(sent[0]?.body).toEqual({});
    expect(sent[1]?.body).toEqual({ override: { reasonCode: 'BENEFIT_OUTWEIGHS_RISK', comment: 'CK monitored' } });
    // a fresh idempotency key per user action
    expect(sent[0]?.idempotencyKey).toBeTruthy();
    expect(sent[1]?.idempotencyKey).not.toBe(sent[0]?.idempotencyKey);
  });

  it('asks in the dialog exactly what the findings\' override requirements say, not a built-in list', async () => {
    let sends = 0;
    const finding = (override: SafetyFinding['override'], rest: Partial<SafetyFinding>): SafetyFinding => ({ drugs: ['Cephalexin'], whatHappens: 'x', whatToDo: 'y', source: 'KB', override, ...rest });
    renderAt('/orders/o1', me(['DOCTOR']), {
      'GET /api/ocs/orders/o1': () => ({ status: 200, data: detail(view('o1')) }),
      'POST /api/ocs/orders/o1/send': () => {
        sends += 1;
        if (sends === 1) {
          const findings = [
            finding({ blocking: true, acknowledgementRequired: false, reasonRequired: true, reasons: ['DOSE_ADJUSTED', 'OTHER'], commentRequiredFor: ['OTHER'] }, { ruleId: 'ALLERGY-1', type: 'ALLERGY', severity: 'MAJOR', tier: 'INTERRUPTIVE' }),
            finding({ blocking: true, acknowledgementRequired: true, reasonRequired: false, reasons: [], commentRequiredFor: [] }, { ruleId: 'INCOMPLETE-DOSE-WEIGHT', type: 'INCOMPLETE', severity: 'MODERATE', tier: 'SHOWN' }),
          ];
          return { status: 422, data: { status: 422, code: 'order.safety-blocked', checkId: 'c1', findings } satisfies SafetyBlockedProblem };
        }
        return { status: 200, data: detail(view('o1', { status: 'SENT' })) };
      },
    });
    fireEvent.click(await screen.findByTestId('order-send'));
    const dialog = await screen.findByTestId('safety-alert-dialog');
    const options = [...within(dialog).getByTestId<HTMLSelectElement>('override-reason').options].map((o) => o.value);
    expect(options).toEqual(['', 'DOSE_ADJUSTED', 'OTHER']);
    // OTHER needs a comment (commentRequiredFor), the incomplete check an acknowledgement: nothing is sent yet
    fireEvent.change(within(dialog).getByTestId('override-reason'), { target: { value: 'OTHER' } });
    fireEvent.click(within(dialog).getByTestId('override-confirm'));
    expect(within(dialog).getByTestId('override-comment-error').textContent).not.toBe('');
    expect(within(dialog).getByTestId('override-acknowledge-error').textContent).not.toBe('');
    // DOSE_ADJUSTED needs no comment; the acknowledgement is still required
    fireEvent.change(within(dialog).getByTestId('override-reason'), { target: { value: 'DOSE_ADJUSTED' } });
    fireEvent.click(within(dialog).getByTestId('override-confirm'));
    expect(sends).toBe(1);
    fireEvent.click(within(dialog).getByTestId('override-acknowledge-incomplete'));
    fireEvent.click(within(dialog).getByTestId('override-confirm'));
    await waitFor(() => expect(sends).toBe(2));
    const sent = calls.filter((c) => c.key === 'POST /api/ocs/orders/o1/send');
    expect(sent[1]?.body).toEqual({ override: { reasonCode: 'DOSE_ADJUSTED', incompleteAcknowledged: true } });
  });

  it('previews the lab flags while the technician types and posts numbers as values', async () => {
    renderAt('/orders/l1', me(['LAB_TECH']), {
      'GET /api/ocs/orders/l1': () => ({
        status: 200,
        // the server's tests for this order, with the range for the patient's sex (a man's haemoglobin from 13)
        data: detail(view('l1', { type: 'LAB_TEST', status: 'IN_PROGRESS', summary: 'CBC' }), {
          labTest: { testCode: 'CBC' },
          resultTests: [
            { code: 'WBC', panel: false, members: [], nameEn: 'WBC', nameKo: '백혈구', unit: '10^3/uL', refLow: 4, refHigh: 10, criticalLow: 1, criticalHigh: 30 },
            { code: 'HGB', panel: false, members: [], nameEn: 'Hemoglobin', nameKo: '혈색소', unit: 'g/dL', refLow: 13, refHigh: 17, criticalLow: 7, criticalHigh: 20 },
          ],
        }),
      }),
      'GET /api/ocs/lab-tests': () => ({
        status: 200,
        data: [
          { code: 'CBC', panel: true, members: ['WBC', 'HGB'], nameEn: 'CBC', nameKo: '일반혈액검사' },
          { code: 'WBC', panel: false, members: [], nameEn: 'WBC', nameKo: '백혈구', unit: '10^3/uL', refLow: 4, refHigh: 10, criticalLow: 1, criticalHigh: 30 },
          { code: 'HGB', panel: false, members: [], nameEn: 'Hemoglobin', nameKo: '혈색소', unit: 'g/dL', refLow: 12, refHigh: 17, criticalLow: 7, criticalHigh: 20 },
        ],
      }),
      'POST /api/ocs/orders/l1/complete': () => ({ status: 200, data: detail(view('l1', { type: 'LAB_TEST', status: 'COMPLETED' })) }),
    });
    const hgb = await screen.findByTestId('lab-value-HGB');
    expect(screen.getByTestId('lab-entry-HGB').textContent).toContain('g/dL');
    expect(screen.getByTestId('lab-entry-HGB').textContent).toContain('13–17');
    fireEvent.change(hgb, { target: { value: '12.5' } });
    expect(screen.getByTestId('lab-flag-HGB').getAttribute('data-flag')).toBe('LOW');
    fireEvent.change(hgb, { target: { value: '6.0' } });
    expect(screen.getByTestId('lab-flag-HGB').getAttribute('data-flag')).toBe('CRITICAL_LOW');
    fireEvent.change(hgb, { target: { value: '18' } });
    expect(screen.getByTestId('lab-flag-HGB').getAttribute('data-flag')).toBe('HIGH');
    // a separator is never read as a decimal point: "1,5" is no 1.5 (nor 15), so no flag and a field error
    fireEvent.change(hgb, { target: { value: '1,5' } });
    expect(screen.getByTestId('lab-flag-HGB').getAttribute('data-flag')).toBe('');
    // a test with a unit takes a number or a comparator result, no free text
    const wbc = screen.getByTestId('lab-value-WBC');
    fireEvent.change(wbc, { target: { value: 'clumped' } });
    expect(screen.getByTestId('lab-flag-WBC').getAttribute('data-flag')).toBe('');
    fireEvent.click(screen.getByTestId('complete-submit'));
    expect(screen.getByTestId('lab-value-WBC-error').textContent).toContain('비교 기호');
    expect(wbc.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('lab-value-HGB-error').textContent).toContain('1250');
    expect(calls.map((c) => c.key)).not.toContain('POST /api/ocs/orders/l1/complete');
    fireEvent.change(hgb, { target: { value: '18' } });
    expect(screen.getByTestId('lab-flag-HGB').getAttribute('data-flag')).toBe('HIGH');
    expect(screen.getByTestId('lab-value-HGB-error').textContent).toBe('');
    fireEvent.change(wbc, { target: { value: '>30.0' } });
    expect(screen.getByTestId('lab-flag-WBC').getAttribute('data-flag')).toBe('CRITICAL_HIGH');
    fireEvent.click(screen.getByTestId('complete-submit'));
    await waitFor(() => expect(calls.map((c) => c.key)).toContain('POST /api/ocs/orders/l1/complete'));
    const body = calls.find((c) => c.key === 'POST /api/ocs/orders/l1/complete')?.body as { results: unknown[] };
    expect(body.results).toEqual([{ testCode: 'WBC', text: '>30.0' }, { testCode: 'HGB', value: 18 }]);
  });

  it('refuses a dispensed quantity with a thousands separator instead of dispensing 1', async () => {
    renderAt('/orders/m1', me(['PHARMACIST']), {
      'GET /api/ocs/orders/m1': () => ({
        status: 200,
        data: detail(view('m1', { status: 'IN_PROGRESS' }), {
          medication: { drugId: 'D1', dose: 20, doseUnit: 'mg', route: 'PO', frequency: 'QD', durationDays: 28, quantity: 28 },
        }),
      }),
      'POST /api/ocs/orders/m1/complete': () => ({ status: 200, data: detail(view('m1', { status: 'COMPLETED' })) }),
    });
    const quantity = await screen.findByTestId('dispense-quantity');
    expect((quantity as HTMLInputElement).value).toBe('28');
    fireEvent.change(quantity, { target: { value: '1,000' } });
    fireEvent.click(screen.getByTestId('complete-submit'));
    expect(screen.getByTestId('dispense-quantity-error').textContent).toBe('쉼표 등 구분 기호 없이 숫자만 입력하세요. 예: 1250, 1.5');
    fireEvent.change(quantity, { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('complete-submit'));
    expect(screen.getByTestId('dispense-quantity-error').textContent).toBe('0보다 커야 합니다.');
    expect(calls.map((c) => c.key)).not.toContain('POST /api/ocs/orders/m1/complete');
    fireEvent.change(quantity, { target: { value: '1000' } });
    fireEvent.click(screen.getByTestId('complete-submit'));
    await waitFor(() => expect(calls.map((c) => c.key)).toContain('POST /api/ocs/orders/m1/complete'));
    const body = calls.find((c) => c.key === 'POST /api/ocs/orders/m1/complete')?.body as { dispense: unknown };
    expect(body.dispense).toEqual({ quantity: 1000 });
  });

  it("shows the verification's new safety findings when the check refuses it, next to the return action", async () => {
    renderAt('/orders/m2', me(['PHARMACIST']), {
      'GET /api/ocs/orders/m2': () => ({
        status: 200,
        data: detail(view('m2', { status: 'SENT', targetDepartmentId: PHARMACY }), {
          medication: { drugId: 'D1', dose: 500, doseUnit: 'mg', route: 'PO', frequency: 'TID', durationDays: 7, quantity: 21 },
        }),
      }),
      'POST /api/ocs/orders/m2/start': () => ({
        status: 422,
        data: {
          status: 422,
          code: 'order.safety-blocked',
          detail: '오더 전송 이후 환자 기록이 바뀌어, 오더한 의사가 아직 판단하지 않은 약물 안전 경고가 있습니다. 오더를 의사에게 반려하세요.',
          checkId: 'c2',
          findings: [
            {
              ruleId: 'ALLERGY-1',
              type: 'ALLERGY',
              severity: 'CONTRAINDICATED',
              tier: 'HARD_STOP',
              drugs: ['Amoxicillin', 'Penicillin'],
              whatHappens: 'Penicillin allergy: cross-sensitivity',
              whatToDo: 'Avoid',
              source: 'KB',
              override: { blocking: true, acknowledgementRequired: false, reasonRequired: true, reasons: ALL_REASONS, commentRequiredFor: ALL_REASONS },
            },
          ],
        } satisfies SafetyBlockedProblem,
      }),
    });
    fireEvent.click(await screen.findByTestId('order-start'));
    const error = await screen.findByTestId('order-start-error');
    expect(error.textContent).toContain('반려하세요');
    expect(within(error).getByTestId('severity-CONTRAINDICATED').textContent).toContain('Amoxicillin + Penicillin');
  });

  it('lists the worklist most urgent first with overdue rows marked, and verifies a medication inline', async () => {
    renderAt('/worklist', me(['PHARMACIST']), {
      'GET /api/ocs/orders/worklist': () => ({
        status: 200,
        data: {
          content: [
            view('r', { status: 'SENT', priority: 'ROUTINE', dueAt: '2020-01-01T00:00:00Z', overdue: true }),
            view('s', { status: 'SENT', priority: 'STAT', dueAt: '2999-01-01T00:00:00Z' }),
            view('u', { status: 'IN_PROGRESS', priority: 'URGENT', dueAt: '2999-01-01T00:00:00Z' }),
          ],
          page: { number: 0, size: 50, totalElements: 3, totalPages: 1 },
        },
      }),
      'POST /api/ocs/orders/s/start': () => ({ status: 200, data: detail(view('s', { status: 'IN_PROGRESS' })) }),
    });
    const table = await screen.findByTestId('worklist-table');
    await waitFor(() => expect(within(table).getAllByTestId('order-row')).toHaveLength(3));
    const rows = within(table).getAllByTestId('order-row');
    expect(rows.map((r) => r.getAttribute('data-order-id'))).toEqual(['s', 'u', 'r']);
    expect(rows.map((r) => r.getAttribute('data-overdue'))).toEqual(['false', 'false', 'true']);
    expect(within(rows[2]!).getByTestId('order-overdue')).toBeDefined();
    expect(calls.find((c) => c.key === 'GET /api/ocs/orders/worklist')).toBeDefined();
    fireEvent.click(within(rows[0]!).getByTestId('worklist-start'));
    await waitFor(() => expect(calls.map((c) => c.key)).toContain('POST /api/ocs/orders/s/start'));
    expect(calls.find((c) => c.key === 'POST /api/ocs/orders/s/start')?.body).toEqual({ version: 1 });
    expect(within(rows[1]!).getByTestId('worklist-complete').getAttribute('href')).toBe('/orders/u');
  });

  it('pages through the worklist with the total shown, the page kept in the URL', async () => {
    const requested: unknown[] = [];
    renderAt('/worklist', me(['PHARMACIST']), {
      'GET /api/ocs/orders/worklist': (config) => {
        const params = config.params as { page?: number; size?: number; department?: string };
        requested.push(params);
        const page = params.page ?? 0;
        return {
          status: 200,
          data: {
            content: [view(`p${page}`, { status: 'SENT' })],
            page: { number: page, size: 50, totalElements: 51, totalPages: 2 },
          },
        };
      },
    });
    await waitFor(() => expect(screen.getByTestId('pagination-summary').textContent).toBe('1 / 2 페이지 · 총 51건'));
    expect(requested[0]).toEqual({ department: PHARMACY, page: 0, size: 50 });
    expect(within(screen.getByTestId('worklist-table')).getByTestId('order-row').getAttribute('data-order-id')).toBe('p0');
    fireEvent.click(screen.getByTestId('pagination-next'));
    await waitFor(() => expect(screen.getByTestId('pagination-summary').textContent).toBe('2 / 2 페이지 · 총 51건'));
    expect(requested.at(-1)).toEqual({ department: PHARMACY, page: 1, size: 50 });
    expect(within(screen.getByTestId('worklist-table')).getByTestId('order-row').getAttribute('data-order-id')).toBe('p1');
    expect((screen.getByTestId('pagination-next') as HTMLButtonElement).disabled).toBe(true);
    // another filter starts again at the first page
    fireEvent.click(screen.getByLabelText('오늘 완료된 오더 포함'));
    await waitFor(() => expect(requested.at(-1)).toEqual({ department: PHARMACY, includeCompleted: true, page: 0, size: 50 }));
  });

  it('names the lab test and its results by the catalogue in the UI language, the codes only as tooltips', async () => {
    renderAt('/orders/l2', me(['DOCTOR']), {
      'GET /api/ocs/orders/l2': () => ({
        status: 200,
        data: detail(view('l2', { type: 'LAB_TEST', status: 'COMPLETED', summary: 'CBC' }), {
          labTest: { testCode: 'CBC' },
          results: [{ testCode: 'HGB', name: 'Hemoglobin', loinc: '718-7', value: 6, unit: 'g/dL', refLow: 12, refHigh: 17, flag: 'CRITICAL_LOW' }],
        }),
      }),
      'GET /api/ocs/lab-tests': () => ({
        status: 200,
        data: [
          { code: 'CBC', panel: true, members: ['HGB'], nameEn: 'CBC', nameKo: '일반혈액검사' },
          { code: 'HGB', panel: false, members: [], nameEn: 'Hemoglobin', nameKo: '혈색소', unit: 'g/dL', refLow: 12, refHigh: 17 },
        ],
      }),
    });
    await waitFor(() => expect(screen.getByTestId('order-lab-test').textContent).toBe('일반혈액검사'));
    expect(screen.getByTestId('order-lab-test').getAttribute('title')).toBe('CBC');
    const hgb = screen.getByTestId('result-HGB');
    expect(hgb.textContent).toContain('혈색소');
    expect(hgb.textContent).not.toContain('Hemoglobin');
    expect(within(hgb).getByTitle('HGB').textContent).toBe('혈색소');
  });

  it("says in the reader's language that the study arrived, not the English note the system stored", async () => {
    renderAt('/orders/i1', me(['DOCTOR']), {
      'GET /api/ocs/orders/i1': () => ({
        status: 200,
        data: detail(view('i1', { type: 'IMAGING', status: 'IN_PROGRESS', summary: 'CT Chest' }), {
          imaging: { modality: 'CT', bodyPart: 'Chest', laterality: 'NOT_APPLICABLE', contrast: false },
          timeline: [
            { from: 'PENDING', to: 'SENT', actorName: '김의사', at: '2026-12-01T00:00:00Z' },
            { from: 'SENT', to: 'IN_PROGRESS', actorName: 'PACS', at: '2026-12-01T01:00:00Z', note: 'Study received in the PACS' },
          ],
        }),
      }),
    });
    const timeline = await screen.findByTestId('order-timeline');
    expect(timeline.textContent).toContain('영상 저장소(PACS)에 검사 도착');
    expect(screen.getByTestId('order-detail-page').textContent).not.toContain('Study received');
  });

  it('offers no result-text form for an acquired imaging order: its report completes it (the radiologist gets the reading)', async () => {
    const acquired = () => ({
      status: 200,
      data: detail(view('i2', { type: 'IMAGING', status: 'IN_PROGRESS', summary: 'CT Chest', targetDepartmentId: PHARMACY }), {
        imaging: { modality: 'CT', bodyPart: 'Chest', laterality: 'NOT_APPLICABLE', contrast: false },
      }),
    });
    renderAt('/orders/i2', me(['RADIOLOGIST']), { 'GET /api/ocs/orders/i2': acquired });
    const waiting = await screen.findByTestId('order-awaits-report');
    expect(within(waiting).getByRole('link').getAttribute('href')).toBe('/radiology/orders/i2');
    expect(screen.queryByTestId('result-text-form')).toBeNull();
    cleanup();
    renderAt('/orders/i2', me(['RADIOGRAPHER']), { 'GET /api/ocs/orders/i2': acquired });
    expect(within(await screen.findByTestId('order-awaits-report')).queryByRole('link')).toBeNull();
    expect(screen.queryByTestId('result-text-form')).toBeNull();
  });

  it('keeps a nurse from the order entry', async () => {
    renderAt('/orders/new', me(['NURSE']));
    expect(await screen.findByTestId('forbidden-page')).toBeDefined();
  });
});

describe('changing an order', () => {
  const originalAdapter = apiClient.defaults.adapter;
  const ME = '00000000-0000-0000-0000-000000000009';
  const PATIENT = '0d1f0000-0000-4000-8000-000000000001';
  const doctor = me(['DOCTOR']);
  const LAB_TESTS = { 'GET /api/ocs/lab-tests': () => ({ status: 200, data: [{ code: 'CBC', panel: true, members: ['WBC'], nameEn: 'CBC', nameKo: '일반혈액검사', specimen: 'BLOOD' }] }) };
  const lab = (id: string, patch: Partial<OrderView> = {}) =>
    detail(view(id, { type: 'LAB_TEST', summary: 'CBC', patientId: PATIENT, orderedBy: ME, ...patch }), { labTest: { testCode: 'CBC' }, replacedBy: [] });
  const imaging = (id: string, patch: Partial<OrderView> = {}, more: Partial<OrderDetailView> = {}) =>
    detail(view(id, { type: 'IMAGING', summary: 'CT Chest', patientId: PATIENT, orderedBy: ME, ...patch }), {
      imaging: { modality: 'CT', bodyPart: 'Chest', laterality: 'NOT_APPLICABLE', contrast: false },
      replacedBy: [],
      ...more,
    });
  const actionIds = () =>
    Array.from(screen.getByTestId('order-actions').querySelectorAll('[data-testid]'))
      .map((e) => e.getAttribute('data-testid'))
      .filter((id): id is string => ['order-send', 'order-edit', 'order-revise', 'order-withdraw', 'order-cancel'].includes(id ?? ''))
      .sort();

  beforeEach(async () => {
    calls.length = 0;
    localStorage.clear();
    await setLanguage('ko');
  });

  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('edits a pending order in its prefilled form and saves it with the version it was read at', async () => {
    let current = lab('o1');
    renderAt('/orders/o1', doctor, {
      ...LAB_TESTS,
      'GET /api/ocs/orders/o1': () => ({ status: 200, data: current }),
      'PUT /api/ocs/orders/o1': (config) => {
        const body = JSON.parse(String(config.data)) as { order: { priority: OrderView['priority'] } };
        current = lab('o1', { priority: body.order.priority, version: 2 });
        return { status: 200, data: current };
      },
    });
    await screen.findByTestId('order-actions');
    expect(actionIds()).toEqual(['order-edit', 'order-revise', 'order-send', 'order-withdraw']);
    fireEvent.click(screen.getByTestId('order-edit'));
    const form = await screen.findByTestId('order-form');
    expect(form.getAttribute('data-type')).toBe('LAB_TEST');
    // the type stays: no type tabs
    expect(screen.queryByTestId('order-type-IMAGING')).toBeNull();
    expect((screen.getByTestId('order-priority-select') as HTMLSelectElement).value).toBe('ROUTINE');
    await waitFor(() => expect(screen.getByTestId('order-lab-chosen').textContent).toContain('일반혈액검사'));
    fireEvent.change(screen.getByTestId('order-priority-select'), { target: { value: 'URGENT' } });
    fireEvent.click(screen.getByTestId('order-save'));
    await waitFor(() => expect(screen.getByTestId('order-detail-page')).toBeDefined());
    const put = calls.find((c) => c.key === 'PUT /api/ocs/orders/o1');
    expect(put?.body).toEqual({ version: 1, order: { patientId: PATIENT, type: 'LAB_TEST', priority: 'URGENT', labTest: { testCode: 'CBC' } } });
    await waitFor(() => expect(screen.getByTestId('order-detail-status').textContent).toContain('긴급'));
  });

  it('reloads the current order into the form when the save was refused as stale', async () => {
    let current = lab('o1');
    let puts = 0;
    renderAt('/orders/o1/edit', doctor, {
      ...LAB_TESTS,
      'GET /api/ocs/orders/o1': () => ({ status: 200, data: current }),
      'PUT /api/ocs/orders/o1': () => {
        puts += 1;
        if (puts === 1) {
          // meanwhile changed elsewhere (another tab): now STAT at version 2
          current = lab('o1', { priority: 'STAT', version: 2 });
          return { status: 409, data: { status: 409, code: 'stale-version', detail: '다른 사용자가 먼저 변경했습니다.' } };
        }
        return { status: 200, data: lab('o1', { priority: 'URGENT', version: 3 }) };
      },
    });
    fireEvent.change(await screen.findByTestId('order-priority-select'), { target: { value: 'URGENT' } });
    fireEvent.click(screen.getByTestId('order-save'));
    expect(await screen.findByTestId('order-stale')).toBeDefined();
    // the form now holds the current order, and no second error box repeats the conflict
    await waitFor(() => expect((screen.getByTestId('order-priority-select') as HTMLSelectElement).value).toBe('STAT'));
    expect(screen.queryByTestId('order-form-error')).toBeNull();
    fireEvent.change(screen.getByTestId('order-priority-select'), { target: { value: 'URGENT' } });
    fireEvent.click(screen.getByTestId('order-save'));
    await waitFor(() => expect(puts).toBe(2));
    const bodies = calls.filter((c) => c.key === 'PUT /api/ocs/orders/o1').map((c) => (c.body as { version: number }).version);
    expect(bodies).toEqual([1, 2]);
    await waitFor(() => expect(screen.queryByTestId('order-change-page')).toBeNull());
  });

  it("lets the due time follow a new priority unless the doctor set one", async () => {
    renderAt('/orders/o1/edit', doctor, {
      ...LAB_TESTS,
      'GET /api/ocs/orders/o1': () => ({ status: 200, data: lab('o1', { dueAt: '2999-01-01T00:00:00Z' }) }),
    });
    const due = (await screen.findByTestId('order-due')) as HTMLInputElement;
    expect(due.value).toBe('2999-01-01T09:00');
    // the page is about one patient: the patient banner, as on order entry and the order's page
    expect(screen.getByTestId('patient-banner-name').textContent).toBe('홍길동');
    expect(screen.getByTestId('patient-banner-mrn').textContent).toContain('M1');
    fireEvent.change(screen.getByTestId('order-priority-select'), { target: { value: 'STAT' } });
    expect(due.value).toBe('');
    fireEvent.change(due, { target: { value: '2999-01-02T10:00' } });
    fireEvent.change(screen.getByTestId('order-priority-select'), { target: { value: 'URGENT' } });
    expect(due.value).toBe('2999-01-02T10:00');
  });

  it('shows a refused edit with the server message and keeps the form', async () => {
    renderAt('/orders/o1/edit', doctor, {
      ...LAB_TESTS,
      'GET /api/ocs/orders/o1': () => ({ status: 200, data: lab('o1') }),
      'PUT /api/ocs/orders/o1': () => ({ status: 409, data: { status: 409, code: 'order.not-editable', detail: '대기 중인 오더가 아닙니다.' } }),
    });
    fireEvent.click(await screen.findByTestId('order-save'));
    expect((await screen.findByTestId('order-form-error')).textContent).toBe('대기 중인 오더가 아닙니다.');
    expect(screen.getByTestId('order-form')).toBeDefined();
  });

  it('asks to confirm a duplicate only for order.duplicate-ingredient and saves again with intendedDuplicate', async () => {
    let puts = 0;
    renderAt('/orders/o1/edit', doctor, {
      ...LAB_TESTS,
      'GET /api/ocs/orders/o1': () => ({ status: 200, data: lab('o1') }),
      'PUT /api/ocs/orders/o1': () => {
        puts += 1;
        if (puts === 1) {
          // another refusal that happens to carry the member: no dialog, the message is shown
          return { status: 422, data: { status: 422, code: 'order.unknown-reference', detail: '알 수 없음', duplicates: ['O-1'] } };
        }
        if (puts === 2) {
          return { status: 422, data: { status: 422, code: 'order.duplicate-ingredient', duplicates: ['O-20261204-00000A'] } };
        }
        return { status: 200, data: lab('o1', { version: 2 }) };
      },
    });
    fireEvent.click(await screen.findByTestId('order-save'));
    expect((await screen.findByTestId('order-form-error')).textContent).toBe('알 수 없음');
    expect(screen.queryByTestId('duplicate-dialog')).toBeNull();
    fireEvent.click(screen.getByTestId('order-save'));
    expect((await screen.findByTestId('duplicate-dialog')).textContent).toContain('O-20261204-00000A');
    fireEvent.click(screen.getByTestId('duplicate-confirm'));
    await waitFor(() => expect(puts).toBe(3));
    const last = calls.filter((c) => c.key === 'PUT /api/ocs/orders/o1').at(-1);
    expect((last?.body as { order: { intendedDuplicate?: boolean } }).order.intendedDuplicate).toBe(true);
  });

  it('revises a sent order: the prefilled form creates the replacement with a key and opens it', async () => {
    const replacement = imaging('o2', { summary: 'CT Abdomen' }, {
      imaging: { modality: 'CT', bodyPart: 'Abdomen', laterality: 'NOT_APPLICABLE', contrast: false },
      replaces: { id: 'o1', orderNumber: 'O-o1', status: 'CANCELLED' },
    });
    renderAt('/orders/o1', doctor, {
      'GET /api/ocs/orders/o1': () => ({ status: 200, data: imaging('o1', { status: 'SENT' }) }),
      'GET /api/ocs/orders/o2': () => ({ status: 200, data: replacement }),
      'POST /api/ocs/orders/o1/revise': () => ({ status: 201, data: replacement }),
    });
    await screen.findByTestId('order-actions');
    expect(actionIds()).toEqual(['order-cancel', 'order-revise']);
    fireEvent.click(screen.getByTestId('order-revise'));
    expect((await screen.findByTestId('order-revise-explained')).textContent).toContain('O-o1');
    const bodyPart = screen.getByTestId('order-body-part') as HTMLInputElement;
    expect(bodyPart.value).toBe('Chest');
    fireEvent.change(bodyPart, { target: { value: 'Abdomen' } });
    fireEvent.click(screen.getByTestId('order-revise-submit'));
    const replaces = await screen.findByTestId('order-replaces');
    expect(replaces.textContent).toContain('O-o1');
    expect(replaces.querySelector('a')?.getAttribute('href')).toBe('/orders/o1');
    const post = calls.find((c) => c.key === 'POST /api/ocs/orders/o1/revise');
    expect(post?.body).toEqual({
      patientId: PATIENT,
      type: 'IMAGING',
      priority: 'ROUTINE',
      imaging: { modality: 'CT', bodyPart: 'Abdomen', laterality: 'NOT_APPLICABLE', contrast: false },
    });
    expect(post?.idempotencyKey).toBeTruthy();
  });

  it('withdraws a pending order after confirming', async () => {
    let current = imaging('o1');
    renderAt('/orders/o1', doctor, {
      'GET /api/ocs/orders/o1': () => ({ status: 200, data: current }),
      'DELETE /api/ocs/orders/o1': () => {
        current = imaging('o1', { status: 'CANCELLED', cancelCause: 'WITHDRAWN', cancelReason: 'Withdrawn before sending', version: 2 }, {
          timeline: [{ from: 'PENDING', to: 'CANCELLED', actorName: '김의사', at: '2026-12-01T01:00:00Z', note: 'Withdrawn before sending' }],
        });
        return { status: 200, data: current };
      },
    });
    fireEvent.click(await screen.findByTestId('order-withdraw'));
    const dialog = await screen.findByTestId('withdraw-dialog');
    expect(calls.some((c) => c.key === 'DELETE /api/ocs/orders/o1')).toBe(false);
    fireEvent.click(within(dialog).getByTestId('withdraw-confirm'));
    await waitFor(() => expect(screen.getByTestId('order-detail-status').getAttribute('data-status')).toBe('CANCELLED'));
    expect(calls.filter((c) => c.key === 'DELETE /api/ocs/orders/o1')).toHaveLength(1);
    // the system's cancellation is said in Korean, not as the English sentence stored with it
    expect(screen.getByTestId('order-cancel-reason').textContent).toBe('전송 전 철회');
    expect(screen.getByTestId('order-timeline').textContent).toContain('전송 전 철회');
    expect(screen.getByTestId('order-detail-page').textContent).not.toContain('Withdrawn before sending');
    // a cancelled order that nothing replaces yet can still be revised, nothing else
    expect(actionIds()).toEqual(['order-revise']);
  });

  it('links a replaced order to its replacement and offers no second revision', async () => {
    renderAt('/orders/o1', doctor, {
      'GET /api/ocs/orders/o1': () => ({
        status: 200,
        data: imaging(
          'o1',
          { status: 'CANCELLED', cancelCause: 'REPLACED', cancelReason: 'Revised: replaced by O-o2' },
          {
            replacedBy: [{ id: 'o2', orderNumber: 'O-o2', status: 'PENDING' }],
            timeline: [{ from: 'SENT', to: 'CANCELLED', actorName: '김의사', at: '2026-12-01T01:00:00Z', note: 'Revised: replaced by O-o2' }],
          },
        ),
      }),
    });
    const replaced = await screen.findByTestId('order-replaced-by');
    expect(screen.getByTestId('order-cancel-reason').textContent).toBe('수정 오더로 대체됨');
    expect(screen.getByTestId('order-timeline').textContent).toContain('수정 오더로 대체됨');
    expect(screen.getByTestId('order-detail-page').textContent).not.toContain('Revised: replaced by');
    expect(replaced.querySelector('a')?.getAttribute('href')).toBe('/orders/o2');
    expect(replaced.textContent).toContain('O-o2');
    expect(screen.queryByTestId('order-actions')).toBeNull();
  });

  it("shows another doctor's order without actions, and its edit page says why", async () => {
    renderAt('/orders/o1/edit', doctor, {
      'GET /api/ocs/orders/o1': () => ({ status: 200, data: imaging('o1', { orderedBy: 'someone-else' }) }),
    });
    expect((await screen.findByTestId('order-change-not-allowed')).textContent).toContain('처방한 의사만');
    expect(screen.queryByTestId('order-form')).toBeNull();
  });

  it('prefills a medication with its drug and shows the safety check of the saved content', async () => {
    const med = detail(view('m1', { patientId: PATIENT, orderedBy: ME }), {
      medication: { drugId: 'DB00641', dose: 20, doseUnit: 'mg', route: 'PO', frequency: 'QD', durationDays: 14, quantity: 14 },
      drugName: 'Simvastatin',
      replacedBy: [],
    });
    renderAt('/orders/m1/edit', doctor, {
      'GET /api/ocs/orders/m1': () => ({ status: 200, data: med }),
      'PUT /api/ocs/orders/m1': () => ({
        status: 200,
        data: {
          ...med,
          safety: {
            complete: true,
            alerts: [{ ruleId: 'DOSE-1', type: 'DOSE', severity: 'MAJOR', tier: 'INTERRUPTIVE', drugs: [{ name: 'Simvastatin' }], whatHappens: 'Above the maximum daily dose' }],
          },
        },
      }),
    });
    const selected = await screen.findByTestId('order-drug-selected');
    expect(selected.textContent).toContain('Simvastatin');
    // the DrugBank id only as a tooltip
    expect(selected.textContent).not.toContain('DB00641');
    expect(within(selected).getByTitle('DB00641').textContent).toBe('Simvastatin');
    expect((screen.getByTestId('order-dose') as HTMLInputElement).value).toBe('20');
    fireEvent.change(screen.getByTestId('order-dose'), { target: { value: '120' } });
    fireEvent.click(screen.getByTestId('order-save'));
    const safety = await screen.findByTestId('order-saved-safety');
    expect(within(safety).getByTestId('severity-MAJOR').textContent).toContain('Simvastatin');
    const put = calls.find((c) => c.key === 'PUT /api/ocs/orders/m1')?.body as { order: { medication: { dose: number; drugId: string } } };
    expect(put.order.medication).toMatchObject({ drugId: 'DB00641', dose: 120 });
  });

  it('refuses a dose, duration or quantity with a thousands separator instead of ordering 1 mg', async () => {
    const med = detail(view('m1', { patientId: PATIENT, orderedBy: ME }), {
      medication: { drugId: 'DB00641', dose: 20, doseUnit: 'mg', route: 'PO', frequency: 'QD', durationDays: 14, quantity: 14 },
      drugName: 'Simvastatin',
      replacedBy: [],
    });
    renderAt('/orders/m1/edit', doctor, {
      'GET /api/ocs/orders/m1': () => ({ status: 200, data: med }),
      'PUT /api/ocs/orders/m1': () => ({ status: 200, data: med }),
    });
    const dose = await screen.findByTestId('order-dose');
    await waitFor(() => expect((dose as HTMLInputElement).value).toBe('20'));
    fireEvent.change(dose, { target: { value: '1,000' } });
    fireEvent.change(screen.getByTestId('order-duration'), { target: { value: '1,5' } });
    fireEvent.change(screen.getByTestId('order-quantity'), { target: { value: '1,000' } });
    fireEvent.click(screen.getByTestId('order-save'));
    const hint = '쉼표 등 구분 기호 없이 숫자만 입력하세요. 예: 1250, 1.5';
    expect(screen.getByTestId('order-dose-error').textContent).toBe(hint);
    expect(screen.getByTestId('order-duration-error').textContent).toBe(hint);
    expect(screen.getByTestId('order-quantity-error').textContent).toBe(hint);
    expect(calls.map((c) => c.key)).not.toContain('PUT /api/ocs/orders/m1');
    fireEvent.change(dose, { target: { value: '1000' } });
    fireEvent.change(screen.getByTestId('order-duration'), { target: { value: '7' } });
    fireEvent.change(screen.getByTestId('order-quantity'), { target: { value: '0.5' } });
    fireEvent.click(screen.getByTestId('order-save'));
    await waitFor(() => expect(calls.map((c) => c.key)).toContain('PUT /api/ocs/orders/m1'));
    const put = calls.find((c) => c.key === 'PUT /api/ocs/orders/m1')?.body as { order: { medication: unknown } };
    expect(put.order.medication).toMatchObject({ dose: 1000, durationDays: 7, quantity: 0.5 });
  });
});
