import { describe, expect, it } from 'vitest';
import type { OrderTemplate } from '../../../types/api';
import { buildOrderForm } from './order-form';
import { basketDrafts, templateItemName, templateName, templateOf, templateValues } from './order-templates';

const PATIENT = '2b1f0000-0000-4000-8000-000000000001';
const simvastatin: OrderTemplate = {
  type: 'MEDICATION',
  priority: 'ROUTINE',
  medication: { drugId: 'DB00641', dose: 20, doseUnit: 'mg', route: 'PO', frequency: 'QHS', durationDays: 30, quantity: 30 },
};
const cbc: OrderTemplate = { type: 'LAB_TEST', priority: 'STAT', labTest: { testCode: 'CBC' } };

describe('order templates', () => {
  it('turns a favourite into a basket draft with the product name as its label', () => {
    const { items, skipped } = basketDrafts(PATIENT, [{ itemName: 'Simvastatin', template: simvastatin }], () => 'k1');
    expect(skipped).toBe(0);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ key: 'k1', state: 'draft', cards: [] });
    expect(items[0].form).toMatchObject({ patientId: PATIENT, type: 'MEDICATION', medication: { drugId: 'DB00641', dose: 20, frequency: 'QHS', durationDays: 30 } });
    expect(items[0].form.labTest).toBeUndefined();
    expect(items[0].values.medication.drugLabel).toBe('Simvastatin');
  });

  it('applies every order of a set in its order, with fresh keys, and leaves out one the form would refuse', () => {
    let n = 0;
    const broken: OrderTemplate = { type: 'MEDICATION', priority: 'ROUTINE', medication: { drugId: 'DB00641', dose: -1, doseUnit: 'mg', route: 'PO', frequency: 'QD', durationDays: 7 } };
    const { items, skipped } = basketDrafts(
      PATIENT,
      [
        { itemName: 'CBC panel', template: cbc },
        { itemName: 'x', template: broken },
        { itemName: 'Simvastatin', template: simvastatin },
        { itemName: 'none' },
      ],
      () => `k${++n}`,
    );
    expect(items.map((i) => i.form.type)).toEqual(['LAB_TEST', 'MEDICATION']);
    expect(items.map((i) => i.key)).toEqual(['k1', 'k2']);
    expect(items[0].form.priority).toBe('STAT');
    expect(skipped).toBe(2);
  });

  it('keeps no patient, due time or duplicate confirmation in a favourite made from an order form', () => {
    const values = templateValues(simvastatin, 'Simvastatin');
    const built = buildOrderForm(PATIENT, { ...values, dueAt: '2030-01-01T09:00' }, true);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const template = templateOf(built.form);
    expect(template).not.toHaveProperty('patientId');
    expect(template).not.toHaveProperty('dueAt');
    expect(template).not.toHaveProperty('intendedDuplicate');
    expect(template.medication).toEqual(simvastatin.medication);
  });

  it('names a new order set item by its product, test, study or specimen', () => {
    expect(templateItemName(templateValues(simvastatin, 'Simvastatin'))).toBe('Simvastatin');
    expect(templateItemName(templateValues(cbc, ''))).toBe('CBC');
    expect(
      templateItemName(templateValues({ type: 'IMAGING', priority: 'URGENT', imaging: { modality: 'CT', bodyPart: 'Chest', laterality: 'NOT_APPLICABLE', contrast: false } }, '')),
    ).toBe('CT Chest');
  });

  it("names a template's product in the reader's language, the other name when one is missing", () => {
    const simvastatin = { itemName: 'Simvastatin', itemNameKo: '심바스타틴' };
    expect(templateName(simvastatin, 'en')).toBe('Simvastatin');
    expect(templateName(simvastatin, 'ko')).toBe('심바스타틴');
    // stored before the Korean name was kept
    expect(templateName({ itemName: 'Simvastatin' }, 'ko')).toBe('Simvastatin');
    expect(templateName({ itemNameKo: '심바스타틴' }, 'en')).toBe('심바스타틴');
  });
});
