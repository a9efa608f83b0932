import { describe, expect, it } from 'vitest';
import i18n, { setLanguage } from './i18n';
import { auditActionLabel } from './audit-action-label';

describe('auditActionLabel', () => {
  it.each([
    ['ko', 'ORDER_READ', '오더 조회'],
    ['ko', 'PATIENT_MEDICATION_READ', '환자 복용 약 조회'],
    ['ko', 'APPOINTMENT_CHECK_IN', '예약 접수'],
    ['en', 'ORDER_READ', 'order read'],
    ['en', 'LOGIN_FAILED', 'sign-in failed'],
  ] as const)('%s: %s reads "%s"', async (language, action, expected) => {
    await setLanguage(language);
    expect(auditActionLabel(action, i18n.t)).toBe(expected);
  });

  it('never shows an upper-case code, even for an action it does not know', async () => {
    await setLanguage('ko');
    expect(auditActionLabel('SOMETHING_NEW', i18n.t)).not.toMatch(/[A-Z]{2,}/);
  });
});
