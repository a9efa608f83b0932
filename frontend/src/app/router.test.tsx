import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { apiClient, setUnauthorizedHandler } from '../lib/api-client';
import { setLanguage } from '../lib/i18n';
import { fakeServer, type Handler } from '../test/fake-server';
import type { HomeView, MeView } from '../types/api';
import { AppProviders } from './providers';
import { routes } from './router';
import { installSessionExpiry } from './session';

const patient: MeView = {
  id: '00000000-0000-0000-0000-000000000001',
  username: 'patient1',
  displayName: '김환자',
  roles: ['PATIENT'],
  departments: [],
  patientId: '00000000-0000-0000-0000-0000000000aa',
};
const admin: MeView = { ...patient, id: '00000000-0000-0000-0000-000000000002', username: 'admin', displayName: '관리자', roles: ['ADMIN'], patientId: undefined };
const home = (user: MeView): HomeView => ({
  user: { ...user, departments: [{ id: 'd1', code: 'IM', nameKo: '내과', nameEn: 'Internal Medicine', active: true }] },
  cards: [{ key: 'activeUsers', value: 12 }],
  recentActivity: [],
});

const unauthenticated = () => ({ status: 401, data: { status: 401, code: 'unauthenticated', detail: '로그인이 필요합니다.' } });

function renderAt(path: string, handlers: Record<string, Handler>) {
  apiClient.defaults.adapter = fakeServer({ 'GET /api/auth/csrf': () => ({ status: 204 }), ...handlers });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  installSessionExpiry(queryClient);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

describe('routes', () => {
  const originalAdapter = apiClient.defaults.adapter;

  beforeEach(async () => {
    localStorage.clear();
    await setLanguage('ko');
  });

  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
    setUnauthorizedHandler(undefined);
  });

  it('sends a signed-out user to the login page', async () => {
    const router = renderAt('/admin/users', { 'GET /api/me': unauthenticated });
    expect(await screen.findByTestId('login-submit')).toBeDefined();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByLabelText('아이디').id).toBe('username');
    expect(screen.getByLabelText('비밀번호').id).toBe('password');
  });

  it('shows the problem detail when the credentials are wrong', async () => {
    renderAt('/login', {
      'GET /api/me': unauthenticated,
      'POST /api/auth/login': () => ({ status: 401, data: { status: 401, code: 'bad-credentials', detail: '아이디 또는 비밀번호가 올바르지 않습니다.' } }),
    });
    fireEvent.change(await screen.findByLabelText('아이디'), { target: { value: 'doctor1' } });
    fireEvent.change(screen.getByLabelText('비밀번호'), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    const error = screen.getByTestId('login-error');
    expect(await within(error).findByText('아이디 또는 비밀번호가 올바르지 않습니다.')).toBeDefined();
  });

  it('signs in and returns to the page first asked for', async () => {
    let signedIn = false;
    const router = renderAt('/account', {
      'GET /api/me': () => (signedIn ? { status: 200, data: admin } : unauthenticated()),
      'POST /api/auth/login': () => {
        signedIn = true;
        return { status: 200, data: admin };
      },
    });
    fireEvent.change(await screen.findByLabelText('아이디'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('비밀번호'), { target: { value: 'a-long-password' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('account-page')).toBeDefined();
    expect(router.state.location.pathname).toBe('/account');
    expect(screen.getByTestId('current-user').textContent).toContain('admin');
  });

  it('shows a patient their navigation and the 403 page for admin pages', async () => {
    renderAt('/admin/users', { 'GET /api/me': () => ({ status: 200, data: patient }) });
    expect(await screen.findByTestId('forbidden-page')).toBeDefined();
    expect(screen.getByTestId('nav-my-record')).toBeDefined();
    expect(screen.queryByTestId('nav-admin-users')).toBeNull();
    expect(screen.queryByTestId('nav-patients')).toBeNull();
    expect(screen.getByTestId('current-user').textContent).toContain('patient1');
  });

  it('greets an administrator on the home page with departments in the UI language', async () => {
    renderAt('/', { 'GET /api/me': () => ({ status: 200, data: admin }), 'GET /api/home': () => ({ status: 200, data: home(admin) }) });
    const page = await screen.findByTestId('home-page');
    expect(await within(page).findByText('관리자님, 안녕하세요')).toBeDefined();
    expect(screen.getByTestId('home-departments').textContent).toBe('내과');
    expect(screen.getByTestId('home-card-activeUsers').textContent).toContain('12');
    expect(screen.getByTestId('empty-state')).toBeDefined();
    expect(screen.getByTestId('nav-api-docs').getAttribute('href')).toBe('/swagger-ui/index.html');

    await act(async () => {
      fireEvent.click(screen.getByTestId('lang-switch'));
    });
    expect(await within(page).findByText('Hello, 관리자')).toBeDefined();
    expect(screen.getByTestId('home-departments').textContent).toBe('Internal Medicine');
    expect(localStorage.getItem('cdss.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows the 404 page for an unknown address', async () => {
    renderAt('/no/such/page', { 'GET /api/me': () => ({ status: 200, data: admin }) });
    expect(await screen.findByTestId('not-found-page')).toBeDefined();
  });

  it('sends the user to the login page with a message when the session expires', async () => {
    const router = renderAt('/', {
      'GET /api/me': () => ({ status: 200, data: admin }),
      'GET /api/home': unauthenticated,
    });
    expect(await screen.findByTestId('session-expired')).toBeDefined();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('logs out to the login page, without coming back to the last page', async () => {
    let signedIn = true;
    const router = renderAt('/account', {
      'GET /api/me': () => (signedIn ? { status: 200, data: admin } : unauthenticated()),
      'POST /api/auth/logout': () => {
        signedIn = false;
        return { status: 204 };
      },
    });
    fireEvent.click(await screen.findByTestId('logout'));
    expect(await screen.findByTestId('login-submit')).toBeDefined();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toEqual({});
    expect(screen.queryByTestId('session-expired')).toBeNull();
  });
});
