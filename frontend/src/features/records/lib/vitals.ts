import type { RecordVitalsRequest } from '../../../types/api';

export const VITAL_FIELDS = ['systolic', 'diastolic', 'heartRate', 'respiratoryRate', 'temperatureC', 'spo2', 'heightCm', 'weightKg'] as const;
export type VitalField = (typeof VITAL_FIELDS)[number];

/** The fields the server takes as whole numbers (it would cut 97.5 to 97 without a word). */
const WHOLE: ReadonlySet<VitalField> = new Set(['systolic', 'diastolic', 'heartRate', 'respiratoryRate', 'spo2']);

/**
 * The typed vital signs as the request body, or an i18n key per field that is not a plain number. Blank fields are
 * left out; nothing is guessed: a decimal comma (36,8) or a blood pressure typed in one field (120/80) is an error the
 * user sees, never a value dropped or silently converted. Ranges are the server's to check.
 */
export function parseVitals(form: Record<VitalField, string>): { body: RecordVitalsRequest; errors: Record<string, string> } {
  const body: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const field of VITAL_FIELDS) {
    const text = form[field].trim();
    if (text === '') continue;
    if (/^\d+\s*\/\s*\d+$/.test(text)) errors[field] = 'records.vitals.errors.slash';
    else if (/^-?\d+,\d+$/.test(text)) errors[field] = 'records.vitals.errors.decimalComma';
    else if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) errors[field] = 'records.vitals.errors.number';
    else if (WHOLE.has(field) && !Number.isInteger(Number(text))) errors[field] = 'records.vitals.errors.whole';
    else body[field] = Number(text);
  }
  return { body: body as RecordVitalsRequest, errors };
}
