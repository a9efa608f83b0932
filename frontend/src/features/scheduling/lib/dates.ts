import { hospitalDay } from '../../../lib/time';

/** Today in the hospital's zone as `YYYY-MM-DD`. */
export function seoulToday(now: Date = new Date()): string {
  return hospitalDay(now);
}

/** A calendar day `YYYY-MM-DD` moved by `days` (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** `HH:mm` of a wall-clock `localStart` (`YYYY-MM-DDTHH:mm[:ss]`), shown as is, never converted. */
export function localTime(localStart: string | undefined): string {
  return localStart ? localStart.slice(11, 16) : '';
}

/** `YYYY-MM-DD` of a wall-clock `localStart`. */
export function localDay(localStart: string | undefined): string {
  return localStart ? localStart.slice(0, 10) : '';
}
