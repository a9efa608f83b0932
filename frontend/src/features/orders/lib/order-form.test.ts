import { describe, expect, it } from 'vitest';
import type { OrderDetailView } from '../../../types/api';
import { buildOrderForm, emptyOrderForm, instantToSeoulLocal, orderFormValues, pointerKey, seoulLocalToInstant, type OrderFormValues } from './order-form';

const PATIENT = '0d1f0000-0000-4000-8000-000000000001';

const medication = (patch: Partial<OrderFormValues['medication']> = {}): OrderFormValues => {
  const values = emptyOrderForm('MEDICATION');
  return { ...values, medication: { ...values.medication, drugId: 'DB00641', dose: '20', durationDays: '14', quantity: '14', ...patch } };
};

describe('buildOrderForm', () => {
  it('sends only the medication payload, numbers converted and empty optionals left out', () => {
    const result = buildOrderForm(PATIENT, { ...medication(), priority: 'URGENT', indication: ' 고지혈증 ' });
    expect(result).toEqual({
      ok: true,
      form: {
        patientId: PATIENT,
        type: 'MEDICATION',
        priority: 'URGENT',
        indication: '고지혈증',
        medication: { drugId: 'DB00641', dose: 20, doseUnit: 'mg', route: 'PO', frequency: 'QD', durationDays: 14, quantity: 14 },
      },
    });
  });

  it('sends a lab test by code, the specimen only when chosen', () => {
    const values = { ...emptyOrderForm('LAB_TEST'), labTest: { testCode: 'CBC', specimen: '' } };
    expect(buildOrderForm(PATIENT, values)).toEqual({ ok: true, form: { patientId: PATIENT, type: 'LAB_TEST', priority: 'ROUTINE', labTest: { testCode: 'CBC' } } });
  });

  it('sends imaging with modality, body part, laterality and contrast', () => {
    const values = { ...emptyOrderForm('IMAGING'), imaging: { modality: 'CT', bodyPart: 'Chest', laterality: 'NOT_APPLICABLE', contrast: true } };
    const result = buildOrderForm(PATIENT, values);
    expect(result.ok && result.form.imaging).toEqual({ modality: 'CT', bodyPart: 'Chest', laterality: 'NOT_APPLICABLE', contrast: true });
    expect(result.ok && result.form.medication).toBeUndefined();
  });

  it('requires specimen, site and clinical question for a tissue exam', () => {
    const result = buildOrderForm(PATIENT, emptyOrderForm('TISSUE_EXAM'));
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['tissueExam.clinicalQuestion', 'tissueExam.site', 'tissueExam.specimen']);
  });

  it.each([
    [{ drugId: '' }, 'medication.drugId', 'orders.validation.drug'],
    [{ dose: '' }, 'medication.dose', 'validation.required'],
    [{ dose: '-5' }, 'medication.dose', 'orders.validation.positive'],
    [{ dose: 'abc' }, 'medication.dose', 'orders.validation.number'],
    [{ dose: '5000000' }, 'medication.dose', 'orders.validation.tooLarge'],
    [{ durationDays: '400' }, 'medication.durationDays', 'orders.validation.duration'],
    [{ durationDays: '1.5' }, 'medication.durationDays', 'orders.validation.whole'],
    [{ doseUnit: 'kg' }, 'medication.doseUnit', 'validation.required'],
  ])('refuses %j like the server (%s)', (patch, key, message) => {
    const result = buildOrderForm(PATIENT, medication(patch));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[key]).toBe(message);
  });

  it.each([
    [{ dose: '1,000' }, 'medication.dose'],
    [{ dose: '1,5' }, 'medication.dose'],
    [{ dose: '0,5' }, 'medication.dose'],
    [{ dose: '1 000' }, 'medication.dose'],
    [{ dose: '.5' }, 'medication.dose'],
    [{ quantity: '1,000' }, 'medication.quantity'],
    [{ durationDays: '1,000' }, 'medication.durationDays'],
    [{ durationDays: '1,5' }, 'medication.durationDays'],
  ])('refuses a number with a separator, never reading "1,000" as 1 (%j)', (patch, key) => {
    const result = buildOrderForm(PATIENT, medication(patch));
    expect(result).toEqual({ ok: false, errors: { [key]: 'orders.validation.plainNumber' } });
  });

  it('shows every refused number field and the other errors with them', () => {
    const result = buildOrderForm(PATIENT, medication({ drugId: '', dose: '1,000', durationDays: '7', quantity: '2,5' }));
    expect(result).toEqual({
      ok: false,
      errors: { 'medication.drugId': 'orders.validation.drug', 'medication.dose': 'orders.validation.plainNumber', 'medication.quantity': 'orders.validation.plainNumber' },
    });
  });

  it.each(['1e3', '0x10', 'Infinity'])('does not read %j as a number', (dose) => {
    const result = buildOrderForm(PATIENT, medication({ dose }));
    expect(!result.ok && result.errors['medication.dose']).toBe('orders.validation.number');
  });

  it('reads plain decimals: 1000, 0.5 and surrounding spaces', () => {
    const result = buildOrderForm(PATIENT, medication({ dose: '1000', durationDays: ' 7 ', quantity: '1000' }));
    expect(result.ok && result.form.medication).toMatchObject({ dose: 1000, durationDays: 7, quantity: 1000 });
    const half = buildOrderForm(PATIENT, medication({ dose: '0.5', quantity: '3.5' }));
    expect(half.ok && half.form.medication).toMatchObject({ dose: 0.5, quantity: 3.5 });
  });

  it('checks the medication numbers only for a medication order', () => {
    const values = { ...medication({ dose: '1,000' }), type: 'LAB_TEST' as const, labTest: { testCode: 'CBC', specimen: '' } };
    expect(buildOrderForm(PATIENT, values).ok).toBe(true);
  });

  it('confirms an intended duplicate only when asked', () => {
    const first = buildOrderForm(PATIENT, medication());
    const again = buildOrderForm(PATIENT, medication(), true);
    expect(first.ok && first.form.intendedDuplicate).toBeUndefined();
    expect(again.ok && again.form.intendedDuplicate).toBe(true);
  });

  it('reads the due time as Seoul wall-clock time', () => {
    expect(seoulLocalToInstant('2026-03-01T09:30')).toBe('2026-03-01T00:30:00.000Z');
    const result = buildOrderForm(PATIENT, { ...medication(), dueAt: '2026-03-01T09:30' });
    expect(result.ok && result.form.dueAt).toBe('2026-03-01T00:30:00.000Z');
  });
});

describe('orderFormValues', () => {
  const NOW = Date.parse('2026-03-01T00:00:00Z');
  const medicationOrder: OrderDetailView = {
    order: { id: 'o1', patientId: PATIENT, type: 'MEDICATION', priority: 'URGENT', status: 'PENDING', dueAt: '2026-03-01T03:30:00Z', overdue: false, version: 3 },
    indication: '고지혈증',
    medication: { drugId: 'DB00641', dose: 20, doseUnit: 'mg', route: 'PO', frequency: 'QD', durationDays: 14, quantity: 14 },
    drugName: 'Simvastatin',
  };

  it('prefills the form with the order so that saving it unchanged sends the same content', () => {
    const values = orderFormValues(medicationOrder, NOW);
    expect(values.medication).toMatchObject({ drugId: 'DB00641', drugLabel: 'Simvastatin', dose: '20', durationDays: '14', quantity: '14', instructions: '' });
    expect(buildOrderForm(PATIENT, values)).toEqual({
      ok: true,
      form: {
        patientId: PATIENT,
        type: 'MEDICATION',
        priority: 'URGENT',
        dueAt: '2026-03-01T03:30:00.000Z',
        indication: '고지혈증',
        medication: { drugId: 'DB00641', dose: 20, doseUnit: 'mg', route: 'PO', frequency: 'QD', durationDays: 14, quantity: 14 },
      },
    });
  });

  it('shows the due time in Seoul and drops one already past (empty: from the priority)', () => {
    expect(orderFormValues(medicationOrder, NOW).dueAt).toBe('2026-03-01T12:30');
    expect(orderFormValues(medicationOrder, Date.parse('2026-03-02T00:00:00Z')).dueAt).toBe('');
    expect(instantToSeoulLocal('2026-12-31T15:00:00Z')).toBe('2027-01-01T00:00');
  });

  it('prefills lab, imaging and tissue payloads', () => {
    const base = { order: { type: 'LAB_TEST' as const, priority: 'STAT' as const } };
    expect(orderFormValues({ ...base, labTest: { testCode: 'CBC', specimen: 'BLOOD' } }, NOW).labTest).toEqual({ testCode: 'CBC', specimen: 'BLOOD' });
    const imaging = orderFormValues({ order: { type: 'IMAGING' }, imaging: { modality: 'MR', bodyPart: 'Knee', laterality: 'LEFT', contrast: true } }, NOW);
    expect(imaging.type).toBe('IMAGING');
    expect(imaging.imaging).toEqual({ modality: 'MR', bodyPart: 'Knee', laterality: 'LEFT', contrast: true });
    const tissue = orderFormValues({ order: { type: 'TISSUE_EXAM' }, tissueExam: { specimen: 'Core biopsy', site: 'Liver', clinicalQuestion: 'HCC?' } }, NOW);
    expect(tissue.tissueExam).toEqual({ specimen: 'Core biopsy', site: 'Liver', clinicalQuestion: 'HCC?' });
  });
});

describe('pointerKey', () => {
  it('maps the server pointers to form keys', () => {
    expect(pointerKey('/medication/dose')).toBe('medication.dose');
    expect(pointerKey('/order/labTest/testCode')).toBe('labTest.testCode');
    expect(pointerKey('/priority')).toBe('priority');
  });
});
