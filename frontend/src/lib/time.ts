/** The zone the UI uses until the server has named the hospital's (`MeView.timeZone`, from `CDSS_ZONE`). */
export const DEFAULT_HOSPITAL_TIME_ZONE = 'Asia/Seoul';
let hospitalTimeZone = DEFAULT_HOSPITAL_TIME_ZONE;

/** Clinical times are shown and entered in the hospital's time zone, which the server names (`/api/me`). */
export function getHospitalTimeZone(): string {
  return hospitalTimeZone;
}

/** Sets the hospital's zone from the server; an unknown zone name is ignored. */
export function setHospitalTimeZone(zone: string | null | undefined): void {
  if (!zone) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    hospitalTimeZone = zone;
  } catch {
    // keep the previous zone
  }
}

/** The zone's offset from UTC at an instant, in minutes (east positive). */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour') % 24, part('minute'), part('second'));
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock time (`YYYY-MM-DDTHH:mm:ss.SSS`) in the hospital's zone is, or undefined. */
function zonedInstant(wallClock: string, timeZone: string): Date | undefined {
  const asUtc = new Date(`${wallClock}Z`);
  if (Number.isNaN(asUtc.getTime())) return undefined;
  const first = new Date(asUtc.getTime() - offsetMinutes(asUtc, timeZone) * 60_000);
  // a second pass settles instants near a daylight-saving change
  return new Date(asUtc.getTime() - offsetMinutes(first, timeZone) * 60_000);
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** An instant (ISO 8601) as date and time in the hospital's zone, in the UI language. */
export function formatInstant(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ko-KR', {
    timeZone: hospitalTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** The instant a calendar day (`YYYY-MM-DD`) starts in the hospital's zone, as an ISO instant. */
export function hospitalDayStart(day: string, timeZone: string = hospitalTimeZone): string | undefined {
  if (!DATE_PATTERN.test(day)) return undefined;
  return zonedInstant(`${day}T00:00:00.000`, timeZone)?.toISOString();
}

/** The last millisecond of a calendar day (`YYYY-MM-DD`) in the hospital's zone, as an ISO instant. */
export function hospitalDayEnd(day: string, timeZone: string = hospitalTimeZone): string | undefined {
  if (!DATE_PATTERN.test(day)) return undefined;
  const start = zonedInstant(`${day}T00:00:00.000`, timeZone);
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const nextStart = zonedInstant(next.toISOString().slice(0, 23), timeZone);
  return start && nextStart ? new Date(nextStart.getTime() - 1).toISOString() : undefined;
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in the hospital's time zone (not the UTC day). */
export function hospitalDay(now: Date = new Date(), timeZone: string = getHospitalTimeZone()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The hospital's calendar day `days` days before the day of `now`. */
export function hospitalDayBefore(days: number, now: Date = new Date(), timeZone: string = getHospitalTimeZone()): string {
  const today = hospitalDay(now, timeZone);
  const date = new Date(`${today}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Completed years of life on the hospital's current day, or undefined for an unreadable birth date. */
export function ageInYears(birthDate: string, now: Date = new Date(), timeZone: string = getHospitalTimeZone()): number | undefined {
  if (!DATE_PATTERN.test(birthDate)) return undefined;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = hospitalDay(now, timeZone).split('-').map(Number) as [number, number, number];
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return age >= 0 ? age : undefined;
}

/** A `YYYY-MM-DDTHH:mm` wall-clock time in the hospital's zone as an ISO instant. */
export function hospitalLocalToInstant(local: string, timeZone: string = getHospitalTimeZone()): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined;
  return zonedInstant(`${local}:00.000`, timeZone)?.toISOString();
}

/** An instant as the `YYYY-MM-DDTHH:mm` wall-clock time in the hospital's zone (what a `datetime-local` holds). */
export function instantToHospitalLocal(instant: string, timeZone: string = getHospitalTimeZone()): string | undefined {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + offsetMinutes(new Date(ms), timeZone) * 60_000).toISOString().slice(0, 16);
}
