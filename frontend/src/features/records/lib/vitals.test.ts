import { describe, expect, it } from 'vitest';
import { parseVitals, VITAL_FIELDS, type VitalField } from './vitals';

const form = (values: Partial<Record<VitalField, string>>) =>
  ({ ...Object.fromEntries(VITAL_FIELDS.map((f) => [f, ''])), ...values }) as Record<VitalField, string>;

describe('parseVitals', () => {
  it('sends the numbers typed and leaves blank fields out', () => {
    expect(parseVitals(form({ systolic: '128', diastolic: ' 82 ', temperatureC: '36.8', weightKg: '.5' }))).toEqual({
      body: { systolic: 128, diastolic: 82, temperatureC: 36.8, weightKg: 0.5 },
      errors: {},
    });
  });

  it('names what is not a plain number instead of dropping it', () => {
    const { body, errors } = parseVitals(form({ systolic: '120/80', temperatureC: '36,8', heartRate: '7O', spo2: '97.5', heightCm: '170' }));
    expect(errors).toEqual({
      systolic: 'records.vitals.errors.slash',
      temperatureC: 'records.vitals.errors.decimalComma',
      heartRate: 'records.vitals.errors.number',
      spo2: 'records.vitals.errors.whole',
    });
    expect(body).toEqual({ heightCm: 170 });
  });
});
