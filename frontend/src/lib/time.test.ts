import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_HOSPITAL_TIME_ZONE,
  ageInYears,
  formatInstant,
  getHospitalTimeZone,
  hospitalDay,
  hospitalDayBefore,
  hospitalLocalToInstant,
  instantToHospitalLocal,
  hospitalDayEnd,
  hospitalDayStart,
  setHospitalTimeZone,
} from './time';

describe('hospital time', () => {
  it('turns a Seoul calendar day into the instants where it starts and ends', () => {
    expect(hospitalDayStart('2026-03-01')).toBe('2026-02-28T15:00:00.000Z');
    expect(hospitalDayEnd('2026-03-01')).toBe('2026-03-01T14:59:59.999Z');
  });

  it('ignores what is not a date', () => {
    expect(hospitalDayStart('')).toBeUndefined();
    expect(hospitalDayEnd('01/03/2026')).toBeUndefined();
  });

  it('shows instants in Asia/Seoul whatever the browser time zone', () => {
    expect(formatInstant('2026-02-28T15:30:05Z', 'en')).toBe('01/03/2026, 00:30:05');
    expect(formatInstant('2026-02-28T15:30:05Z', 'ko')).toContain('00:30:05');
    expect(formatInstant(undefined, 'ko')).toBe('');
  });
});

describe('hospital calendar days (issue 15 item 6)', () => {
  // 00:30 in Seoul on 5 December is still 4 December in UTC: the default end date must be the hospital's day.
  const justAfterMidnightSeoul = new Date('2026-12-04T15:30:00Z');

  it('takes today from the hospital zone, not from UTC', () => {
    expect(hospitalDay(justAfterMidnightSeoul)).toBe('2026-12-05');
    expect(hospitalDay(justAfterMidnightSeoul, 'UTC')).toBe('2026-12-04');
  });

  it('counts days back from the hospital day', () => {
    expect(hospitalDayBefore(29, justAfterMidnightSeoul)).toBe('2026-11-06');
  });

  it('counts completed years in the hospital zone', () => {
    expect(ageInYears('1980-12-05', justAfterMidnightSeoul)).toBe(46);
    expect(ageInYears('1980-12-06', justAfterMidnightSeoul)).toBe(45);
    expect(ageInYears('not a date', justAfterMidnightSeoul)).toBeUndefined();
  });
});

describe('the hospital zone from the server (issue 15 item 6)', () => {
  afterEach(() => setHospitalTimeZone(DEFAULT_HOSPITAL_TIME_ZONE));

  it('computes days and instants in the zone the server names', () => {
    setHospitalTimeZone('Europe/Paris');
    expect(getHospitalTimeZone()).toBe('Europe/Paris');
    expect(hospitalDay(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
    expect(hospitalDayStart('2026-12-05')).toBe('2026-12-04T23:00:00.000Z');
    expect(hospitalDayEnd('2026-07-01')).toBe('2026-07-01T21:59:59.999Z');
    expect(hospitalLocalToInstant('2026-07-01T10:30')).toBe('2026-07-01T08:30:00.000Z');
    expect(instantToHospitalLocal('2026-07-01T08:30:00.000Z')).toBe('2026-07-01T10:30');
  });

  it('ignores a zone name it does not know', () => {
    setHospitalTimeZone('Not/AZone');
    expect(getHospitalTimeZone()).toBe(DEFAULT_HOSPITAL_TIME_ZONE);
  });
});
