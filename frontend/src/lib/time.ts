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
