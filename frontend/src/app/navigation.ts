import {
  ADMIN_ROLES,
  AI_DASHBOARD_ROLES,
  APPOINTMENT_ROLES,
  DRUG_CHECK_ROLES,
  hasAnyRole,
  ORDER_LIST_ROLES,
  ORDER_READER_ROLES,
  PATIENT_ROLES,
  PATIENT_SEARCH_ROLES,
  RIS_ROLES,
  STAFF_ROLES,
  WORKLIST_ROLES,
} from '../lib/roles';

export interface NavItem {
  /** Stable key: the link's test id is `nav-<key>`, its label `nav.<key>`. */
  key: string;
  to: string;
  labelKey: string;
  /** Served by the backend outside the SPA. */
  external?: boolean;
  /** Roles that see the item; absent: everyone signed in. */
  roles?: readonly string[];
}

/** Every navigation item in display order, with the roles allowed to use it. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', to: '/', labelKey: 'nav.home' },
  { key: 'dashboard', to: '/dashboard', labelKey: 'nav.dashboard', roles: PATIENT_SEARCH_ROLES },
  { key: 'patients', to: '/patients', labelKey: 'nav.patients', roles: PATIENT_SEARCH_ROLES },
  { key: 'my-record', to: '/me/record', labelKey: 'nav.my-record', roles: PATIENT_ROLES },
  { key: 'appointments', to: '/appointments', labelKey: 'nav.appointments', roles: APPOINTMENT_ROLES },
  { key: 'queue', to: '/queue', labelKey: 'nav.queue', roles: APPOINTMENT_ROLES },
  { key: 'my-appointments', to: '/my-appointments', labelKey: 'nav.my-appointments', roles: PATIENT_ROLES },
  { key: 'orders', to: '/orders', labelKey: 'nav.orders', roles: ORDER_LIST_ROLES },
  { key: 'worklist', to: '/worklist', labelKey: 'nav.worklist', roles: WORKLIST_ROLES },
  { key: 'radiology', to: '/radiology', labelKey: 'nav.radiology', roles: RIS_ROLES },
  { key: 'order-stats', to: '/orders/statistics', labelKey: 'nav.order-stats', roles: ORDER_READER_ROLES },
  { key: 'drug-check', to: '/drug-check', labelKey: 'nav.drug-check', roles: DRUG_CHECK_ROLES },
  { key: 'kb', to: '/kb', labelKey: 'nav.kb', roles: STAFF_ROLES },
  { key: 'knowledge', to: '/knowledge', labelKey: 'nav.knowledge', roles: STAFF_ROLES },
  { key: 'ai-models', to: '/ai/models', labelKey: 'nav.ai-models', roles: STAFF_ROLES },
  { key: 'ai-statistics', to: '/ai/lung-risk/statistics', labelKey: 'nav.ai-statistics', roles: AI_DASHBOARD_ROLES },
  { key: 'admin-users', to: '/admin/users', labelKey: 'nav.admin-users', roles: ADMIN_ROLES },
  { key: 'admin-audit', to: '/admin/audit', labelKey: 'nav.admin-audit', roles: ADMIN_ROLES },
  { key: 'admin-patient-duplicates', to: '/admin/patient-duplicates', labelKey: 'nav.admin-patient-duplicates', roles: ADMIN_ROLES },
  { key: 'admin-ocs-routing', to: '/admin/ocs/routing', labelKey: 'nav.admin-ocs-routing', roles: ADMIN_ROLES },
  { key: 'admin-ocs-order-sets', to: '/admin/ocs/order-sets', labelKey: 'nav.admin-ocs-order-sets', roles: ADMIN_ROLES },
  { key: 'admin-medsafety', to: '/admin/medsafety', labelKey: 'nav.admin-medsafety', roles: ADMIN_ROLES },
  // ADMIN_STAFF reach the schedules from a button on /appointments.
  { key: 'schedules', to: '/appointments/schedules', labelKey: 'nav.schedules', roles: ADMIN_ROLES },
  { key: 'api-docs', to: '/swagger-ui/index.html', labelKey: 'nav.api-docs', roles: ADMIN_ROLES, external: true },
  { key: 'account', to: '/account', labelKey: 'nav.account' },
];

/** The navigation a user with these roles sees. */
export function navItemsFor(roles: readonly string[] | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || hasAnyRole(roles, item.roles));
}
