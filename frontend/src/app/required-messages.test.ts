import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { diagnosisSchema } from '../features/records/api/record-diagnosis';
import { defineScheduleSchema } from '../features/scheduling/api/define-schedule';
import { patientFormSchema } from '../features/patients/api/save-patient';
import { zodFieldErrors } from '../lib/form-errors';
import { setLanguage } from '../lib/i18n';
import { isoDate, wallTime } from '../lib/validation';

// Issue 15 item 6: a field left empty says "required", not "wrong format" or "not a valid id".
describe('required messages', () => {
  const firstMessage = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? undefined : parsed.error.issues[0]?.message;
  };

  it('says required for an empty date or time, and the format for a wrong one', () => {
    expect(firstMessage(isoDate(), '')).toBe('validation.required');
    expect(firstMessage(isoDate(), '2026/12/06')).toBe('validation.date');
    expect(firstMessage(wallTime(), '')).toBe('validation.required');
    expect(firstMessage(wallTime(), '9시')).toBe('validation.time');
  });

  it('says required on the forms whose empty fields used to get a format message', async () => {
    await setLanguage('ko');
    const patient = patientFormSchema.safeParse({ name: '', birthDate: '', sex: '' });
    expect(patient.success).toBe(false);
    const errors = zodFieldErrors(patient.error!);
    expect(errors.name).toBe('필수 입력 항목입니다.');
    expect(errors.birthDate).toBe('필수 입력 항목입니다.');
    expect(errors.sex).toBe('필수 입력 항목입니다.');

    const schedule = defineScheduleSchema.safeParse({ doctorId: '', departmentId: '', dayOfWeek: 'MONDAY', startTime: '', endTime: '' });
    const scheduleErrors = zodFieldErrors(schedule.error!);
    expect(scheduleErrors.doctorId).toBe('필수 입력 항목입니다.');
    expect(scheduleErrors.startTime).toBe('필수 입력 항목입니다.');

    expect(firstMessage(diagnosisSchema, { code: '', description: 'x', primary: true })).toBe('validation.required');
    expect(firstMessage(diagnosisSchema, { code: 'bad', description: 'x', primary: true })).toBe('records.diagnosis.badCode');
  });
});
