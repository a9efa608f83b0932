import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { LoginPage } from '../features/auth/components/login-page';
import { RegisterPage } from '../features/auth/components/register-page';
import { HomePage } from '../features/home/components/home-page';
import {
  ADMIN_ROLES,
  AI_DASHBOARD_ROLES,
  APPOINTMENT_ROLES,
  CHART_ROLES,
  CONSULTATION_ROLES,
  DRUG_CHECK_ROLES,
  IMAGING_VIEWER_ROLES,
  ORDER_READER_ROLES,
  ORDER_ROLES,
  PATIENT_ROLES,
  PATIENT_SEARCH_ROLES,
  REPORT_READER_ROLES,
  RIS_ROLES,
  SCHEDULE_ROLES,
  STAFF_ROLES,
} from '../lib/roles';
import { AppLayout } from './app-layout';
import { keyedByParams } from './keyed-by-params';
import { NotFoundPage } from './error-pages';
import { RequireAuth, RequireRoles } from './route-guards';

// Pages beyond sign-in and home load on first visit, keeping the first download small; each is mounted afresh for
// another record on the same route (keyedByParams).
const page = <T,>(load: () => Promise<T>, pick: (module: T) => ComponentType) => async () => ({
  Component: keyedByParams(pick(await load())),
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
          { path: 'patients', lazy: page(() => import('./patient-routes'), (m) => m.PatientsRoute) },
          { path: 'patients/new', lazy: page(() => import('./patient-routes'), (m) => m.NewPatientRoute) },
          { path: 'dashboard', lazy: page(() => import('../features/dashboard/components/dashboard-page'), (m) => m.DashboardPage) },
          { path: 'patients/:id', lazy: page(() => import('./patient-routes'), (m) => m.PatientDetailRoute) },
        ],
      },
      {
        // medical records: chart readers and the patient themself (the server answers 404 for anyone else's)
        element: <RequireRoles roles={CHART_ROLES} />,
        children: [{ path: 'encounters/:id', lazy: page(() => import('./records-routes'), (m) => m.EncounterRoute) }],
      },
      {
        element: <RequireRoles roles={CONSULTATION_ROLES} />,
        children: [
          { path: 'consultation/:appointmentId', lazy: page(() => import('./records-routes'), (m) => m.ConsultationRoute) },
        ],
      },
      {
        element: <RequireRoles roles={PATIENT_ROLES} />,
        children: [
          { path: 'me/record', lazy: page(() => import('./my-record-route'), (m) => m.MyRecordRoute) },
          { path: 'my-appointments', lazy: page(() => import('./scheduling-routes'), (m) => m.MyAppointmentsRoute) },
        ],
      },
      {
        element: <RequireRoles roles={APPOINTMENT_ROLES} />,
        children: [
          { path: 'appointments', lazy: page(() => import('./scheduling-routes'), (m) => m.AppointmentsRoute) },
          { path: 'queue', lazy: page(() => import('./scheduling-routes'), (m) => m.QueueRoute) },
        ],
      },
      {
        element: <RequireRoles roles={SCHEDULE_ROLES} />,
        children: [
          { path: 'appointments/schedules', lazy: page(() => import('./scheduling-routes'), (m) => m.SchedulesRoute) },
        ],
      },
      {
        element: <RequireRoles roles={DRUG_CHECK_ROLES} />,
        children: [
          {
            path: 'drug-check',
            lazy: page(() => import('../features/medsafety/components/drug-check-page'), (m) => m.DrugCheckPage),
          },
        ],
      },
      {
        element: <RequireRoles roles={IMAGING_VIEWER_ROLES} />,
        children: [
          { path: 'patients/:id/imaging', lazy: page(() => import('./imaging-routes'), (m) => m.ImagingRoute) },
          {
            path: 'imaging/studies/:id',
            lazy: page(() => import('../features/imaging/components/study-viewer-page'), (m) => m.StudyViewerPage),
          },
          {
            path: 'imaging/studies/:id/viewer',
            lazy: page(() => import('../features/imaging/components/dicom-viewer-page'), (m) => m.DicomViewerPage),
          },
        ],
      },
      {
        element: <RequireRoles roles={ORDER_READER_ROLES} />,
        children: [
          { path: 'orders', lazy: page(() => import('./order-routes'), (m) => m.OrdersRoute) },
          { path: 'orders/statistics', lazy: page(() => import('./order-routes'), (m) => m.OrderStatisticsRoute) },
          { path: 'orders/:id', lazy: page(() => import('./order-routes'), (m) => m.OrderDetailRoute) },
          { path: 'worklist', lazy: page(() => import('./order-routes'), (m) => m.WorklistRoute) },
        ],
      },
      {
        element: <RequireRoles roles={RIS_ROLES} />,
        children: [
          { path: 'radiology', lazy: page(() => import('./radiology-routes'), (m) => m.RisWorklistRoute) },
          { path: 'radiology/orders/:orderId', lazy: page(() => import('./radiology-routes'), (m) => m.ReadingRoute) },
          {
            path: 'imaging/reconciliation',
            lazy: page(() => import('../features/imaging/components/reconciliation-page'), (m) => m.ReconciliationPage),
          },
        ],
      },
      {
        element: <RequireRoles roles={REPORT_READER_ROLES} />,
        children: [
          { path: 'radiology/reports/:id', lazy: page(() => import('./radiology-routes'), (m) => m.ReportRoute) },
          { path: 'radiology/orders/:orderId/report', lazy: page(() => import('./radiology-routes'), (m) => m.OrderReportRoute) },
        ],
      },
      {
        element: <RequireRoles roles={ORDER_ROLES} />,
        children: [
          { path: 'orders/new', lazy: page(() => import('./order-routes'), (m) => m.OrderEntryRoute) },
          { path: 'patients/:id/orders/new', lazy: page(() => import('./order-routes'), (m) => m.OrderEntryRoute) },
          { path: 'orders/:id/edit', lazy: page(() => import('./order-routes'), (m) => m.OrderEditRoute) },
          { path: 'orders/:id/revise', lazy: page(() => import('./order-routes'), (m) => m.OrderReviseRoute) },
        ],
      },
      {
        element: <RequireRoles roles={STAFF_ROLES} />,
        children: [
          { path: 'kb', lazy: page(() => import('../features/medsafety/components/kb-page'), (m) => m.KbPage) },
          { path: 'knowledge', lazy: page(() => import('./knowledge-routes'), (m) => m.KnowledgeRoute) },
          {
            path: 'knowledge/articles/:pmid',
            lazy: page(() => import('../features/knowledge/components/article-page'), (m) => m.ArticlePage),
          },
          {
            path: 'knowledge/documents/:id',
            lazy: page(() => import('../features/knowledge/components/document-page'), (m) => m.DocumentPage),
          },
          {
            path: 'knowledge/evidence',
            lazy: page(() => import('../features/knowledge/components/evidence-page'), (m) => m.EvidencePage),
          },
          {
            path: 'kb/browser',
            lazy: page(() => import('../features/medsafety/components/kb-browser-page'), (m) => m.KbBrowserPage),
          },
          { path: 'ai/models', lazy: page(() => import('./ai-routes'), (m) => m.ModelsRoute) },
          { path: 'ai/models/:id', lazy: page(() => import('../features/ai/components/model-card-page'), (m) => m.ModelCardPage) },
        ],
      },
      {
        element: <RequireRoles roles={AI_DASHBOARD_ROLES} />,
        children: [
          {
            path: 'ai/models/:id/dashboard',
            lazy: page(() => import('../features/ai/components/model-dashboard-page'), (m) => m.ModelDashboardPage),
          },
          {
            path: 'ai/lung-risk/statistics',
            lazy: page(() => import('../features/ai/components/lung-risk-statistics-page'), (m) => m.LungRiskStatisticsPage),
          },
        ],
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
          {
            path: 'admin/patient-duplicates',
            lazy: page(() => import('../features/patients/components/duplicates-page'), (m) => m.DuplicatesPage),
          },
          { path: 'admin/ocs/routing', lazy: page(() => import('./order-routes'), (m) => m.RoutingRoute) },
          { path: 'admin/ocs/order-sets', lazy: page(() => import('./order-routes'), (m) => m.OrderSetsRoute) },
          {
            path: 'admin/medsafety',
            lazy: page(() => import('../features/medsafety/components/override-stats-page'), (m) => m.OverrideStatsPage),
          },
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
