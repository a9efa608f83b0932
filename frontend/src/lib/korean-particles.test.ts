import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { particle, withParticle } from './korean-particles';

describe('Korean particles', () => {
  it.each([
    ['처방', '을/를', '을'],
    ['오더', '을/를', '를'],
    ['환자', '이/가', '가'],
    ['약물', '이/가', '이'],
    ['알레르기', '은/는', '는'],
    ['진단', '은/는', '은'],
    ['검사', '과/와', '와'],
    ['처방', '과/와', '과'],
    ['서울', '으로/로', '로'],
    ['병원', '으로/로', '으로'],
    ['부서', '으로/로', '로'],
  ] as const)('%s + %s → %s', (word, pair, expected) => {
    expect(particle(word, pair)).toBe(expected);
  });

  it('reads digits and Latin letters as they are spoken', () => {
    expect(withParticle('ORD-20261206-0001', '이/가')).toBe('ORD-20261206-0001이'); // 일
    expect(withParticle('ORD-20261206-0002', '이/가')).toBe('ORD-20261206-0002가'); // 이
    expect(withParticle('ORD-3', '을/를')).toBe('ORD-3을'); // 삼
    expect(withParticle('ORD-9', '을/를')).toBe('ORD-9를'); // 구
    expect(withParticle('CBC', '을/를')).toBe('CBC를'); // 씨
    expect(withParticle('MRN', '을/를')).toBe('MRN을'); // 엔
    expect(withParticle('7', '으로/로')).toBe('7로'); // 칠: ㄹ takes 로
  });

  it('falls back to both forms when the last sound is unknown', () => {
    expect(particle('', '을/를')).toBe('을(를)');
    expect(particle('(주)', '이/가')).toBe('이(가)');
    expect(particle('x)', '으로/로')).toBe('(으)로');
  });

  it('is the josa formatter of the Korean texts and leaves English alone', async () => {
    await i18n.changeLanguage('ko');
    expect(i18n.t('notifications.kind.ORDER_SENT', { orderNumber: 'ORD-0002' })).toContain('ORD-0002가');
    expect(i18n.t('notifications.kind.ORDER_SENT', { orderNumber: 'ORD-0001' })).toContain('ORD-0001이');
    expect(i18n.t('orders.withdraw.title', { number: 'ORD-0009' })).toContain('ORD-0009를');
    await i18n.changeLanguage('en');
    expect(i18n.t('orders.withdraw.title', { number: 'ORD-0009' })).toContain('ORD-0009');
    await i18n.changeLanguage('ko');
  });
});
