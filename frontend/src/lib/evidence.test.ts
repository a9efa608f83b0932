import { describe, expect, it } from 'vitest';
import { evidencePath, orderEvidenceTerm } from './evidence';

describe('evidencePath', () => {
  it('builds the evidence page of a diagnosis and of an order', () => {
    expect(evidencePath('DIAGNOSIS', ['Community-acquired pneumonia', 'J18.9'])).toBe(
      '/knowledge/evidence?context=DIAGNOSIS&terms=Community-acquired+pneumonia&terms=J18.9',
    );
    expect(evidencePath('ORDER', [orderEvidenceTerm('Amoxicillin 500 mg PO TID')])).toBe('/knowledge/evidence?context=ORDER&terms=Amoxicillin');
    expect(evidencePath('ORDER', ['  ', null])).toBeUndefined();
  });
});
