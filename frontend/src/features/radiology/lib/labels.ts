import type { TFunction } from 'i18next';

/** How long a study has waited, in words ("2 h 5 min"), from whole minutes. */
export function waitingLabel(minutes: number | undefined, t: TFunction): string {
  const m = Math.max(0, Math.floor(minutes ?? 0));
  if (m < 60) return t('radiology.waitingMinutes', { minutes: m });
  const hours = Math.floor(m / 60);
  if (hours < 48) return t('radiology.waitingHours', { hours, minutes: m % 60 });
  return t('radiology.waitingDays', { days: Math.floor(hours / 24) });
}

/** A report's state in words: none yet, draft, signed (appended once it has addenda). */
export function reportStatusLabel(status: string | null | undefined, addenda: number, t: TFunction): string {
  if (!status) return t('radiology.status.NONE');
  if (status === 'SIGNED' && addenda > 0) return t('radiology.status.APPENDED');
  return t(`radiology.status.${status}`, { defaultValue: t('radiology.status.NONE') });
}

/** A BI-RADS category with its meaning ("4 — Suspicious"). */
export function biradsLabel(category: number | null | undefined, t: TFunction): string {
  if (category === null || category === undefined) return '—';
  return `${category} — ${t(`radiology.birads.${category}`)}`;
}
