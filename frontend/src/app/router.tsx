import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { LoginPage } from '../features/auth/components/login-page';
import { RegisterPage } from '../features/auth/components/register-page';
import { HomePage } from '../features/home/components/home-page';
import { ADMIN_ROLES, PATIENT_ROLES, PATIENT_SEARCH_ROLES } from '../lib/roles';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './error-pages';
import { RequireAuth, RequireRoles } from './route-guards';

// Pages beyond sign-in and home load on first visit, keeping the first download small.
const page = <T,>(load: () => Promise<T>, pick: (module: T) => ComponentType) => async () => ({
  Component: pick(await load()),
});

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      {
        element: <RequireRoles roles={PATIENT_SEARCH_ROLES} />,
        children: [
          { path: 'patients', lazy: page(() => import('../features/patients/components/patients-page'), (m) => m.PatientsPage) },
          {
            path: 'patients/:id',
            lazy: page(() => import('../features/patients/components/patient-detail-page'), (m) => m.PatientDetailPage),
          },
        ],
      },
      {
        element: <RequireRoles roles={PATIENT_ROLES} />,
        children: [{ path: 'me/record', lazy: page(() => import('./my-record-route'), (m) => m.MyRecordRoute) }],
      },
      {
        element: <RequireRoles roles={ADMIN_ROLES} />,
        children: [
          { path: 'admin/users', lazy: page(() => import('../features/admin/components/users-page'), (m) => m.UsersPage) },
          {
            path: 'admin/users/new',
            lazy: page(() => import('../features/admin/components/user-create-page'), (m) => m.UserCreatePage),
          },
          {
            path: 'admin/users/:id',
            lazy: page(() => import('../features/admin/components/user-edit-page'), (m) => m.UserEditPage),
          },
          { path: 'admin/audit', lazy: page(() => import('../features/admin/components/audit-page'), (m) => m.AuditPage) },
        ],
      },
      { path: 'account', lazy: page(() => import('../features/account/components/account-page'), (m) => m.AccountPage) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
