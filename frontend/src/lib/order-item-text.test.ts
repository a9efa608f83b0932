import { describe, expect, it } from 'vitest';
import i18n, { setLanguage } from './i18n';
import { orderItemText } from './order-item-text';
import type { OrderItem } from '../types/api';

// The server's `summary` is English ("NA Sodium", "MR Breast (left) + contrast", "… × 7 d"); lists and the order's
// header write the order's fields in the reader's language instead.
const medication: OrderItem = {
  drugName: 'Amoxicillin',
  medication: { drugId: 'DB01060', dose: 500, doseUnit: 'mg', route: 'PO', frequency: 'TID', durationDays: 7 },
};
const lab: OrderItem = { labTest: { testCode: 'NA' }, labTestNameEn: 'Sodium', labTestNameKo: '나트륨' };
const imaging: OrderItem = { imaging: { modality: 'MR', bodyPart: 'Breast', laterality: 'LEFT', contrast: true } };
const tissue: OrderItem = { tissueExam: { specimen: 'Core biopsy', site: 'Left breast', clinicalQuestion: 'Malignancy?' } };

describe('orderItemText', () => {
  it.each([
    ['ko', medication, 'Amoxicillin 500 mg PO TID × 7일'],
    ['en', medication, 'Amoxicillin 500 mg PO TID × 7 d'],
    ['ko', lab, '나트륨'],
    ['en', lab, 'Sodium'],
    ['ko', imaging, 'MRI Breast (좌측) + 조영제'],
    ['en', imaging, 'MRI Breast (Left) + contrast'],
    ['ko', tissue, 'Core biopsy — Left breast'],
  ] as const)('%s: %j reads "%s"', async (language, item, expected) => {
    await setLanguage(language);
    expect(orderItemText({ item, summary: 'the server summary' }, i18n.t, language)).toBe(expected);
  });

  it('never shows the lab code or an English word on a Korean screen', async () => {
    await setLanguage('ko');
    expect(orderItemText({ item: lab }, i18n.t, 'ko')).not.toContain('NA');
    expect(orderItemText({ item: imaging }, i18n.t, 'ko')).not.toMatch(/left|contrast/);
  });

  it('falls back to the server summary for an order without fields', () => {
    expect(orderItemText({ summary: 'CBC Complete blood count' }, i18n.t, 'en')).toBe('CBC Complete blood count');
  });
});
