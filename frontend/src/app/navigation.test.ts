import { describe, expect, it } from 'vitest';
import { navItemsFor } from './navigation';

const keys = (roles: string[]) => navItemsFor(roles).map((item) => item.key);

describe('navItemsFor', () => {
  it('gives a patient home, their own record and the account page', () => {
    expect(keys(['PATIENT'])).toEqual(['home', 'my-record', 'account']);
  });

  it('gives an administrator user administration, the audit trail and the API docs, but no patient search', () => {
    expect(keys(['ADMIN'])).toEqual(['home', 'admin-users', 'admin-audit', 'api-docs', 'account']);
  });

  it('gives a doctor the patient search', () => {
    expect(keys(['DOCTOR'])).toEqual(['home', 'patients', 'account']);
  });

  it('gives every clinical and administrative staff role the patient search', () => {
    for (const role of ['NURSE', 'PHARMACIST', 'LAB_TECH', 'RADIOGRAPHER', 'RADIOLOGIST', 'ADMIN_STAFF']) {
      expect(keys([role])).toContain('patients');
    }
  });

  it('combines the items of several roles without duplicates', () => {
    expect(keys(['DOCTOR', 'ADMIN'])).toEqual(['home', 'patients', 'admin-users', 'admin-audit', 'api-docs', 'account']);
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
