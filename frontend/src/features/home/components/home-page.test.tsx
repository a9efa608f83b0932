import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { routes } from '../../../app/router';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { fakeServer } from '../../../test/fake-server';
import type { MeView, OrderView } from '../../../types/api';

const DOCTOR_ID = '00000000-0000-0000-0000-00000000000d';
const me = (roles: MeView['roles']): MeView => ({ id: DOCTOR_ID, username: 'doc', displayName: '김의사', roles, departments: [] });
const page = (content: OrderView[]) => ({ content, page: { number: 0, size: 10, totalElements: content.length, totalPages: 1 } });
const order = (id: string, status: OrderView['status'], patientName: string): OrderView => ({
  id,
  status,
  type: 'LAB_TEST',
  patientName,
  summary: 'CBC',
  createdAt: '2026-12-06T01:00:00Z',
});

function renderHome(user: MeView, seen: string[]) {
  apiClient.defaults.adapter = fakeServer({
    'GET /api/auth/csrf': () => ({ status: 204 }),
    'GET /api/me': () => ({ status: 200, data: user }),
    'GET /api/departments': () => ({ status: 200, data: [] }),
    'GET /api/home': () => ({
      status: 200,
      data: { user, cards: [], recentActivity: [{ id: 'a1', action: 'ORDER_READ', occurredAt: '2026-12-06T01:00:00Z', outcome: 'SUCCESS' }] },
    }),
    'GET /api/appointments': (config) => {
      seen.push(`appointments doctor=${config.params?.doctorId}`);
      return {
        status: 200,
        data: [
          { id: 'p1', status: 'CHECKED_IN', localStart: '2026-12-06T09:30:00', patientId: 'pt1', patientName: '홍길동', patientMrn: 'M0001' },
          { id: 'p2', status: 'CANCELLED', localStart: '2026-12-06T10:00:00', patientId: 'pt2', patientName: '취소됨', patientMrn: 'M0002' },
        ],
      };
    },
    'GET /api/ocs/orders/mine': (config) => {
      const status = config.params?.status as string;
      seen.push(`mine ${status}`);
      if (status === 'PENDING') return { status: 200, data: page([order('o1', 'PENDING', '이미전')]) };
      if (status === 'SENT') return { status: 200, data: page([order('o2', 'SENT', '결과대기')]) };
      return { status: 200, data: page([order('o3', 'IN_PROGRESS', '검사중')]) };
    },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={createMemoryRouter(routes, { initialEntries: ['/'] })} />
    </AppProviders>,
  );
}

describe('home page (issue 15 item 6)', () => {
  const originalAdapter = apiClient.defaults.adapter;
  beforeEach(async () => {
    localStorage.clear();
    await setLanguage('ko');
  });
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it("shows a doctor today's patients, unsent orders and pending results instead of the audit log", async () => {
    const seen: string[] = [];
    renderHome(me(['DOCTOR']), seen);

    const patients = await screen.findByTestId('home-today-patients');
    expect(await within(patients).findByText('홍길동')).toBeTruthy();
    expect(within(patients).queryByText('취소됨')).toBeNull();
    expect(within(patients).getByText('오늘의 환자 (1)')).toBeTruthy();
    expect(await within(screen.getByTestId('home-unsent-orders')).findByText('이미전')).toBeTruthy();
    const pending = screen.getByTestId('home-pending-results');
    expect(await within(pending).findByText('결과대기')).toBeTruthy();
    expect(within(pending).getByText('검사중')).toBeTruthy();
    expect(within(pending).getByText('결과 대기 (2)')).toBeTruthy();
    expect(screen.queryByTestId('recent-activity')).toBeNull();
    expect(seen).toContain(`appointments doctor=${DOCTOR_ID}`);
    expect(seen).toEqual(expect.arrayContaining(['mine PENDING', 'mine SENT', 'mine IN_PROGRESS']));
  });

  it('keeps the recent activity for other roles and asks nothing of orders', async () => {
    const seen: string[] = [];
    renderHome(me(['ADMIN']), seen);
    expect(await screen.findByTestId('recent-activity')).toBeTruthy();
    expect(screen.queryByTestId('doctor-today')).toBeNull();
    expect(seen).toEqual([]);
  });
});
