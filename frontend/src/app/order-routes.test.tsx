import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AxiosError, AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../lib/api-client';
import { setLanguage } from '../lib/i18n';
import type { MeView, OrderDetailView, OrderView } from '../types/api';
import { AppProviders } from './providers';
import { routes } from './router';

type Handler = (config: InternalAxiosRequestConfig) => { status: number; data?: unknown };
interface Call {
  key: string;
  body: unknown;
  idempotencyKey?: string;
}
const calls: Call[] = [];

function fakeServer(handlers: Record<string, Handler>): AxiosAdapter {
  return async (config) => {
    const path = (config.url ?? '').split('?')[0];
    const key = `${config.method?.toUpperCase()} ${path}`;
    calls.push({
      key,
      body: typeof config.data === 'string' ? JSON.parse(config.data) : config.data,
      idempotencyKey: config.headers?.['Idempotency-Key'] as string | undefined,
    });
    const handler = handlers[key];
    const { status, data } = handler ? handler(config) : { status: 404, data: { status: 404, code: 'not-found' } };
    const response = { status, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
    if (status < 400) return response;
    throw new AxiosError(`status ${status}`, AxiosError.ERR_BAD_REQUEST, config, {}, response);
  };
}

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
  });
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
  overdue: false,
  version: 1,
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
              code: 'business-rule',
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
                },
              ],
            },
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

  it('previews the lab flags while the technician types and posts numbers as values', async () => {
    renderAt('/orders/l1', me(['LAB_TECH']), {
      'GET /api/ocs/orders/l1': () => ({
        status: 200,
        data: detail(view('l1', { type: 'LAB_TEST', status: 'IN_PROGRESS', summary: 'CBC' }), { labTest: { testCode: 'CBC' } }),
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
    expect(screen.getByTestId('lab-entry-HGB').textContent).toContain('12–17');
    fireEvent.change(hgb, { target: { value: '6.0' } });
    expect(screen.getByTestId('lab-flag-HGB').getAttribute('data-flag')).toBe('CRITICAL_LOW');
    fireEvent.change(hgb, { target: { value: '18' } });
    expect(screen.getByTestId('lab-flag-HGB').getAttribute('data-flag')).toBe('HIGH');
    fireEvent.change(screen.getByTestId('lab-value-WBC'), { target: { value: 'clumped' } });
    expect(screen.getByTestId('lab-flag-WBC').getAttribute('data-flag')).toBe('NOT_NUMERIC');
    fireEvent.click(screen.getByTestId('complete-submit'));
    await waitFor(() => expect(calls.map((c) => c.key)).toContain('POST /api/ocs/orders/l1/complete'));
    const body = calls.find((c) => c.key === 'POST /api/ocs/orders/l1/complete')?.body as { results: unknown[] };
    expect(body.results).toEqual([{ testCode: 'WBC', text: 'clumped' }, { testCode: 'HGB', value: 18 }]);
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

  it('keeps a nurse from the order entry', async () => {
    renderAt('/orders/new', me(['NURSE']));
    expect(await screen.findByTestId('forbidden-page')).toBeDefined();
  });
});
