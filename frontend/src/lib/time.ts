/** Clinical times are shown and entered in the hospital's time zone. */
export const HOSPITAL_TIME_ZONE = 'Asia/Seoul';
// Korea keeps no daylight saving time: the offset is the same all year.
const HOSPITAL_OFFSET = '+09:00';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** An instant (ISO 8601) as date and time in Asia/Seoul, in the UI language. */
export function formatInstant(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ko-KR', {
    timeZone: HOSPITAL_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** The instant a calendar day (`YYYY-MM-DD`) starts in Asia/Seoul, as an ISO instant. */
export function seoulDayStart(day: string): string | undefined {
  if (!DATE_PATTERN.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00.000${HOSPITAL_OFFSET}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The last millisecond of a calendar day (`YYYY-MM-DD`) in Asia/Seoul, as an ISO instant. */
export function seoulDayEnd(day: string): string | undefined {
  if (!DATE_PATTERN.test(day)) return undefined;
  const date = new Date(`${day}T23:59:59.999${HOSPITAL_OFFSET}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in the hospital's time zone (not the UTC day). */
export function hospitalDay(now: Date = new Date(), timeZone: string = HOSPITAL_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The hospital's calendar day `days` days before the day of `now`. */
export function hospitalDayBefore(days: number, now: Date = new Date(), timeZone: string = HOSPITAL_TIME_ZONE): string {
  const today = hospitalDay(now, timeZone);
  const date = new Date(`${today}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Completed years of life on the hospital's current day, or undefined for an unreadable birth date. */
export function ageInYears(birthDate: string, now: Date = new Date(), timeZone: string = HOSPITAL_TIME_ZONE): number | undefined {
  if (!DATE_PATTERN.test(birthDate)) return undefined;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = hospitalDay(now, timeZone).split('-').map(Number) as [number, number, number];
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return age >= 0 ? age : undefined;
}
