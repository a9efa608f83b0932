import type { TFunction } from 'i18next';

/**
 * An audit action code (`ORDER_READ`, `PATIENT_ALLERGY_NONE_CONFIRMED`) in the reader's language, word by word from
 * `audit.word.*` (nouns then the verb, which reads naturally in Korean and English: "오더 조회", "order read"); a word
 * without a translation is shown in lower case, so no raw code reaches the screen (issue 15). The code stays in the
 * tooltip and the filter.
 */
export function auditActionLabel(action: string | undefined, t: TFunction): string {
  if (!action) return '—';
  const whole = t(`audit.actionName.${action}`, { defaultValue: '' });
  if (whole) return whole;
  return action
    .split('_')
    .filter(Boolean)
    .map((word) => t(`audit.word.${word}`, { defaultValue: word.toLowerCase() }))
    .join(' ');
}

/**
 * A resource type (`Patient`, `Order`) in the reader's language. FHIR calls are recorded as `fhir` or `fhir:<type>`
 * (FhirAudit): "FHIR" and the FHIR resource type's name.
 */
export function auditResourceLabel(type: string | undefined, t: TFunction): string {
  if (!type) return '';
  const fhir = /^fhir:(.+)$/.exec(type);
  if (fhir) return t('audit.fhirResource', { type: auditResourceLabel(fhir[1], t) });
  return t(`audit.resource.${type}`, { defaultValue: type });
}
