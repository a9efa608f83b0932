import { describe, expect, it } from 'vitest';
import { formatInstant, seoulDayEnd, seoulDayStart } from './time';

describe('hospital time', () => {
  it('turns a Seoul calendar day into the instants where it starts and ends', () => {
    expect(seoulDayStart('2026-03-01')).toBe('2026-02-28T15:00:00.000Z');
    expect(seoulDayEnd('2026-03-01')).toBe('2026-03-01T14:59:59.999Z');
  });

  it('ignores what is not a date', () => {
    expect(seoulDayStart('')).toBeUndefined();
    expect(seoulDayEnd('01/03/2026')).toBeUndefined();
  });

  it('shows instants in Asia/Seoul whatever the browser time zone', () => {
    expect(formatInstant('2026-02-28T15:30:05Z', 'en')).toBe('01/03/2026, 00:30:05');
    expect(formatInstant('2026-02-28T15:30:05Z', 'ko')).toContain('00:30:05');
    expect(formatInstant(undefined, 'ko')).toBe('');
  });
});
