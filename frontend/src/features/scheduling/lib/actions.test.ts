import { describe, expect, it } from 'vitest';
import { actionsFor } from './actions';
import { addDays, localTime } from './dates';

describe('actionsFor', () => {
  it.each([
    ['SCHEDULED', ['ADMIN_STAFF'], ['check-in', 'no-show', 'cancel']],
    ['SCHEDULED', ['NURSE'], ['check-in', 'no-show', 'cancel']],
    ['SCHEDULED', ['DOCTOR'], ['check-in', 'no-show', 'cancel']],
    ['SCHEDULED', ['PATIENT'], ['cancel']],
    ['SCHEDULED', ['PHARMACIST'], []],
    ['CHECKED_IN', ['DOCTOR'], ['start', 'cancel']],
    ['CHECKED_IN', ['NURSE'], ['cancel']],
    ['CHECKED_IN', ['PATIENT'], []],
    ['IN_CONSULTATION', ['DOCTOR'], ['complete']],
    ['IN_CONSULTATION', ['NURSE', 'ADMIN_STAFF'], []],
    ['COMPLETED', ['DOCTOR', 'ADMIN_STAFF'], []],
    ['CANCELLED', ['DOCTOR'], []],
    ['NO_SHOW', ['ADMIN_STAFF'], []],
  ] as const)('%s for %j offers %j', (status, roles, expected) => {
    expect(actionsFor(status, roles)).toEqual(expected);
  });

  it('offers nothing without a status or roles', () => {
    expect(actionsFor(undefined, ['DOCTOR'])).toEqual([]);
    expect(actionsFor('SCHEDULED', undefined)).toEqual([]);
  });
});

describe('dates', () => {
  it('reads the wall-clock time without converting it', () => {
    expect(localTime('2026-03-02T09:30:00')).toBe('09:30');
  });

  it('adds calendar days across a month end', () => {
    expect(addDays('2026-01-30', 3)).toBe('2026-02-02');
    expect(addDays('2026-03-01', -30)).toBe('2026-01-30');
  });
});
