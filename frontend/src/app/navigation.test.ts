import { describe, expect, it } from 'vitest';
import { navItemsFor } from './navigation';

const keys = (roles: string[]) => navItemsFor(roles).map((item) => item.key);

describe('navItemsFor', () => {
  it('gives a patient home, their own record, their appointments and the account page', () => {
    expect(keys(['PATIENT'])).toEqual(['home', 'my-record', 'my-appointments', 'account']);
  });

  it('gives an administrator user administration, the audit trail, order routing and statistics, schedules, the KB and the API docs, but no patient search', () => {
    expect(keys(['ADMIN'])).toEqual(['home', 'order-stats', 'kb', 'knowledge', 'ai-models', 'ai-statistics', 'admin-users', 'admin-audit', 'admin-patient-duplicates', 'admin-ocs-routing', 'admin-ocs-order-sets', 'admin-medsafety', 'schedules', 'api-docs', 'account']);
  });

  it('gives a doctor the patient search', () => {
    expect(keys(['DOCTOR'])).toEqual(['home', 'dashboard', 'patients', 'appointments', 'queue', 'orders', 'order-stats', 'drug-check', 'kb', 'knowledge', 'ai-models', 'ai-statistics', 'account']);
  });

  it.each([
    ['DOCTOR', ['home', 'dashboard', 'patients', 'appointments', 'queue', 'orders', 'order-stats', 'drug-check', 'kb', 'knowledge', 'ai-models', 'ai-statistics', 'account']],
    ['NURSE', ['home', 'dashboard', 'patients', 'appointments', 'queue', 'orders', 'order-stats', 'drug-check', 'kb', 'knowledge', 'ai-models', 'ai-statistics', 'account']],
    ['PHARMACIST', ['home', 'dashboard', 'patients', 'worklist', 'order-stats', 'drug-check', 'kb', 'knowledge', 'ai-models', 'account']],
    ['LAB_TECH', ['home', 'dashboard', 'patients', 'worklist', 'order-stats', 'kb', 'knowledge', 'ai-models', 'account']],
    ['RADIOGRAPHER', ['home', 'dashboard', 'patients', 'worklist', 'radiology', 'order-stats', 'kb', 'knowledge', 'ai-models', 'account']],
    ['RADIOLOGIST', ['home', 'dashboard', 'patients', 'worklist', 'radiology', 'order-stats', 'kb', 'knowledge', 'ai-models', 'account']],
    ['ADMIN_STAFF', ['home', 'dashboard', 'patients', 'appointments', 'queue', 'kb', 'knowledge', 'ai-models', 'account']],
    ['ADMIN', ['home', 'order-stats', 'kb', 'knowledge', 'ai-models', 'ai-statistics', 'admin-users', 'admin-audit', 'admin-patient-duplicates', 'admin-ocs-routing', 'admin-ocs-order-sets', 'admin-medsafety', 'schedules', 'api-docs', 'account']],
    ['PATIENT', ['home', 'my-record', 'my-appointments', 'account']],
  ])('gives %s exactly %j', (role, expected) => {
    expect(keys([role])).toEqual(expected);
  });

  it('keeps scheduling, drug checks and the KB away from patients', () => {
    expect(keys(['PATIENT'])).not.toEqual(expect.arrayContaining(['appointments']));
    for (const key of ['appointments', 'queue', 'drug-check', 'kb', 'knowledge', 'schedules']) expect(keys(['PATIENT'])).not.toContain(key);
  });

  it('gives every clinical and administrative staff role the patient search', () => {
    for (const role of ['NURSE', 'PHARMACIST', 'LAB_TECH', 'RADIOGRAPHER', 'RADIOLOGIST', 'ADMIN_STAFF']) {
      expect(keys([role])).toContain('patients');
    }
  });

  it('combines the items of several roles without duplicates', () => {
    expect(keys(['DOCTOR', 'ADMIN'])).toEqual([
      'home',
      'dashboard',
      'patients',
      'appointments',
      'queue',
      'orders',
      'order-stats',
      'drug-check',
      'kb',
      'knowledge',
      'ai-models',
      'ai-statistics',
      'admin-users',
      'admin-audit',
      'admin-patient-duplicates',
      'admin-ocs-routing',
      'admin-ocs-order-sets',
      'admin-medsafety',
      'schedules',
      'api-docs',
      'account',
    ]);
  });

  it('marks the API docs as an external link to Swagger UI', () => {
    const docs = navItemsFor(['ADMIN']).find((item) => item.key === 'api-docs');
    expect(docs).toMatchObject({ to: '/swagger-ui/index.html', external: true });
  });

  it('gives a user without roles only the pages for everyone', () => {
    expect(keys([])).toEqual(['home', 'account']);
    expect(navItemsFor(undefined).map((item) => item.key)).toEqual(['home', 'account']);
  });
});
