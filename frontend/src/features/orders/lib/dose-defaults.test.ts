import { describe, expect, it } from 'vitest';
import { defaultQuantity, productDefaults, withQuantityDefault } from './dose-defaults';

describe('productDefaults', () => {
  it('takes dose, unit and route from the product (products.tsv strength, form, route)', () => {
    expect(productDefaults({ strength: '500 mg', form: 'tablet', route: 'PO' })).toEqual({ dose: '500', doseUnit: 'mg', route: 'PO', form: 'tablet' });
  });
  it('leaves the dose alone when the unit is not one the order takes (IU/mL)', () => {
    expect(productDefaults({ strength: '100 IU/mL', form: 'injection', route: 'SC' })).toEqual({ route: 'SC', form: 'injection' });
  });
  it('ignores a route the order form does not know', () => {
    expect(productDefaults({ strength: '25 mcg', form: 'patch', route: 'TD' })).toEqual({ dose: '25', doseUnit: 'mcg', form: 'patch' });
  });
});

describe('defaultQuantity', () => {
  it('is administrations per day × days for tablets', () => {
    expect(defaultQuantity({ frequency: 'TID', durationDays: '5', form: 'tablet' })).toBe('15');
    expect(defaultQuantity({ frequency: 'Q6H', durationDays: '2', form: 'capsule' })).toBe('8');
  });
  it('counts two tablets a dose when the dose is twice the strength', () => {
    expect(defaultQuantity({ frequency: 'BID', durationDays: '7', form: 'tablet', dose: '1000', strength: '500' })).toBe('28');
  });
  it('is empty for PRN, another form, a partial tablet or no duration', () => {
    expect(defaultQuantity({ frequency: 'PRN', durationDays: '3', form: 'tablet' })).toBe('');
    expect(defaultQuantity({ frequency: 'BID', durationDays: '3', form: 'injection' })).toBe('');
    expect(defaultQuantity({ frequency: 'BID', durationDays: '3', form: 'tablet', dose: '250', strength: '500' })).toBe('');
    expect(defaultQuantity({ frequency: 'BID', durationDays: '', form: 'tablet' })).toBe('');
  });
  it('is the units of one dose for ONCE', () => {
    expect(defaultQuantity({ frequency: 'ONCE', durationDays: '1', form: 'tablet' })).toBe('1');
  });
});

describe('withQuantityDefault', () => {
  const start = { dose: '500', frequency: 'QD', durationDays: '', quantity: '', drugForm: 'tablet', drugStrength: '500' };
  it('follows frequency and duration while the doctor has not typed a quantity', () => {
    const a = withQuantityDefault(start, { durationDays: '3' });
    expect(a.quantity).toBe('3');
    const b = withQuantityDefault(a, { frequency: 'TID' });
    expect(b.quantity).toBe('9');
  });
  it('keeps a quantity the doctor typed', () => {
    const typed = withQuantityDefault(withQuantityDefault(start, { durationDays: '3' }), { quantity: '10' });
    expect(withQuantityDefault(typed, { frequency: 'BID' }).quantity).toBe('10');
  });
});
