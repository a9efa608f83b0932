import { describe, expect, it } from 'vitest';
import { PHONE_PATTERN, RRN_PATTERN, patientFormSchema } from './save-patient';

describe('patient form schema (mirrors the server)', () => {
  it.each(['010-1234-5678', '01012345678', '02-123-4567', '031-1234-5678', '070-1234-5678', '1588-1234'])(
    'accepts the Korean phone number %s',
    (phone) => expect(PHONE_PATTERN.test(phone)).toBe(true),
  );

  it.each(['12345', '010-12-34', '+82 10 1234 5678', '099-123-4567'])('refuses %s', (phone) =>
    expect(PHONE_PATTERN.test(phone)).toBe(false),
  );

  it('accepts a well-formed RRN and refuses an impossible month', () => {
    expect(RRN_PATTERN.test('900101-1234567')).toBe(true);
    expect(RRN_PATTERN.test('901301-1234567')).toBe(false);
  });

  it('refuses a birth date in the future', () => {
    const result = patientFormSchema.safeParse({ name: '홍길동', birthDate: '2999-01-01', sex: 'M' });
    expect(result.success).toBe(false);
  });
});
