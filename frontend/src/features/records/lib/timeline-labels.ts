import type { TFunction } from 'i18next';

/**
 * The code of a timeline entry in the reader's language: statuses, result flags and report codes are translated; an
 * imaging study's accession number is shown as it is, and a study without one ("STUDY") says so in words. Diagnosis
 * codes are shown as they are.
 */
export function timelineCodeLabel(type: string | undefined, code: string, t: TFunction): string {
  switch (type) {
    case 'ENCOUNTER':
      return t(`records.status.${code}`, { defaultValue: code });
    case 'APPOINTMENT':
      return t(`scheduling.status.${code}`, { defaultValue: code });
    case 'AI_SUGGESTION':
      return t(`ai.band.${code}`, { defaultValue: code });
    case 'RADIOLOGY_REPORT':
    case 'RADIOLOGY_ADDENDUM':
      return t(`records.reportCode.${code}`, { defaultValue: code });
    case 'ORDER':
      return t(`orders.status.${code}`, { defaultValue: code });
    case 'RESULT':
      return t(`records.timelineResult.${code}`, { defaultValue: code });
    case 'IMAGING':
      // ImagingTimelineSource: the study's accession number, or "STUDY" when it has none
      return code === 'STUDY' ? t('records.imagingStudy') : code;
    default:
      return code;
  }
}
