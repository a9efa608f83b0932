import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AxiosError, AxiosHeaders, type AxiosAdapter } from 'axios';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import type { NotificationView } from '../../../types/api';
import { NotificationBell } from './notification-bell';

const calls: string[] = [];
let store: NotificationView[] = [];
/** When set, GET /api/notifications fails with this problem. */
let listFailure: { status: number; code: string; detail: string } | undefined;

const notification = (id: string, kind: NotificationView['kind'], urgent: boolean, read = false): NotificationView => ({
  id,
  kind,
  urgent,
  subjectType: 'ORDER',
  subjectId: `order-${id}`,
  subjectNumber: `O-${id}`,
  messageKey: `notifications.kind.${kind}`,
  params: { orderNumber: `O-${id}`, orderType: 'LAB_TEST' },
  createdAt: '2026-11-25T01:00:00Z',
  readAt: read ? '2026-11-25T02:00:00Z' : undefined,
});

const fakeServer: AxiosAdapter = async (config) => {
  const key = `${config.method?.toUpperCase()} ${config.url}`;
  calls.push(key);
  let status = 200;
  let data: unknown;
  if (key === 'GET /api/notifications' && listFailure) {
    status = listFailure.status;
    data = listFailure;
  } else if (key === 'GET /api/notifications') {
    data = { content: store, page: { number: 0, size: 10, totalElements: store.length, totalPages: 1 }, unreadCount: store.filter((n) => !n.readAt).length };
  } else if (key === 'POST /api/notifications/read-all') {
    const marked = store.filter((n) => !n.readAt).length;
    store = store.map((n) => ({ ...n, readAt: n.readAt ?? '2026-11-25T03:00:00Z' }));
    data = { marked };
  } else if (/^POST \/api\/notifications\/[^/]+\/read$/.test(key)) {
    const id = key.split('/')[3];
    store = store.map((n) => (n.id === id ? { ...n, readAt: '2026-11-25T03:00:00Z' } : n));
    status = 204;
  } else {
    status = 404;
  }
  const response = { status, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
  if (status < 400) return response;
  throw new AxiosError(`status ${status}`, AxiosError.ERR_BAD_REQUEST, config, {}, response);
};

function renderBell() {
  apiClient.defaults.adapter = fakeServer;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: '/', element: <NotificationBell /> },
      { path: '/orders/:id', element: <p data-testid="order-page">order</p> },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { queryClient, router };
}

describe('NotificationBell', () => {
  beforeEach(async () => {
    calls.length = 0;
    listFailure = undefined;
    store = [notification('a', 'CRITICAL_RESULT', true), notification('b', 'ORDER_COMPLETED', false), notification('c', 'ORDER_SENT', false, true)];
    await setLanguage('en');
  });
  afterEach(cleanup);

  it('shows the unread count and highlights urgent notifications', async () => {
    renderBell();
    expect((await screen.findByTestId('notification-count')).textContent).toContain('2');
    fireEvent.click(screen.getByTestId('notification-bell'));
    const items = within(screen.getByTestId('notification-panel')).getAllByTestId('notification-item');
    expect(items).toHaveLength(3);
    expect((items[0]).getAttribute('data-urgent')).toBe('true');
    expect((items[0]).textContent).toContain('Urgent');
    expect((items[0]).textContent).toContain('Critical result for order O-a');
    expect((items[1]).getAttribute('data-urgent')).toBe('false');
    expect((items[2]).getAttribute('data-read')).toBe('true');
  });

  it('marks one read and opens its order', async () => {
    const { router } = renderBell();
    await screen.findByTestId('notification-count');
    fireEvent.click(screen.getByTestId('notification-bell'));
    fireEvent.click(screen.getAllByTestId('notification-item')[1]);
    expect(await screen.findByTestId('order-page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/orders/order-b');
    await waitFor(() => expect(calls).toContain('POST /api/notifications/b/read'));
  });

  it('marks all read and the badge goes away after the refetch, without polling', async () => {
    const { queryClient } = renderBell();
    await screen.findByTestId('notification-count');
    fireEvent.click(screen.getByTestId('notification-bell'));
    fireEvent.click(screen.getByTestId('notification-read-all'));
    await waitFor(() => expect(screen.queryByTestId('notification-count')).toBeNull());
    expect(calls).toContain('POST /api/notifications/read-all');

    // a push invalidates ['notifications'] (lib/live-updates.ts): the bell refetches and shows the new one
    store = [notification('d', 'RESULT_AVAILABLE', false), ...store];
    await queryClient.invalidateQueries({ queryKey: ['notifications'] });
    expect((await screen.findByTestId('notification-count')).textContent).toContain('1');
    expect(calls.filter((c) => c === 'GET /api/notifications').length).toBe(3);
  });

  it('says that the notifications could not be loaded instead of "No notifications"', async () => {
    listFailure = { status: 503, code: 'internal', detail: 'The notification service is unavailable.' };
    renderBell();
    fireEvent.click(screen.getByTestId('notification-bell'));
    const panel = screen.getByTestId('notification-panel');
    expect((await within(panel).findByTestId('notification-error')).textContent).toBe('The notification service is unavailable.');
    expect(within(panel).queryByText('No notifications.')).toBeNull();
  });
});
