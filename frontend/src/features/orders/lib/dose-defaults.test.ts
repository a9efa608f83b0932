import { describe, expect, it } from 'vitest';
import { defaultQuantity, productDefaults, withQuantityDefault } from './dose-defaults';

describe('productDefaults', () => {
  it('takes dose, unit and route from the product (products.tsv strength, form, route)', () => {
    expect(productDefaults({ strength: '500 mg', form: 'tablet', route: 'PO' })).toEqual({ dose: '500', doseUnit: 'mg', route: 'PO', form: 'tablet' });
  });
  it('leaves the dose alone when the unit is not one the order takes (IU/mL)', () => {
    expect(productDefaults({ strength: '100 IU/mL', form: 'injection', route: 'SC' })).toEqual({ route: 'SC', form: 'injection' });
  });
  it('fills in no dose from a strength with a separator ("1,000 mg" is not 1 mg)', () => {
    expect(productDefaults({ strength: '1,000 mg', form: 'tablet', route: 'PO' })).toEqual({ route: 'PO', form: 'tablet' });
    expect(productDefaults({ strength: '0,5 mg', form: 'tablet', route: 'PO' })).toEqual({ route: 'PO', form: 'tablet' });
  });
  it('keeps a decimal strength as it is written', () => {
    expect(productDefaults({ strength: '0.25 mg', form: 'tablet', route: 'PO' })).toEqual({ dose: '0.25', doseUnit: 'mg', route: 'PO', form: 'tablet' });
    expect(productDefaults({ strength: '1000 mg', form: 'tablet' })).toEqual({ dose: '1000', doseUnit: 'mg', form: 'tablet' });
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
  it('counts one dose for each week begun when the drug is taken once a week', () => {
    // methotrexate 7.5 mg (three 2.5 mg tablets) weekly for 28 days: 4 doses, 12 tablets, not 84
    expect(defaultQuantity({ frequency: 'QW', durationDays: '28', form: 'tablet', dose: '7.5', strength: '2.5' })).toBe('12');
    expect(defaultQuantity({ frequency: 'QW', durationDays: '10', form: 'tablet' })).toBe('2');
  });
  it('is empty for PRN, another form, a partial tablet or no duration', () => {
    expect(defaultQuantity({ frequency: 'PRN', durationDays: '3', form: 'tablet' })).toBe('');
    expect(defaultQuantity({ frequency: 'BID', durationDays: '3', form: 'injection' })).toBe('');
    expect(defaultQuantity({ frequency: 'BID', durationDays: '3', form: 'tablet', dose: '250', strength: '500' })).toBe('');
    expect(defaultQuantity({ frequency: 'BID', durationDays: '', form: 'tablet' })).toBe('');
  });
  it('counts from a plain decimal dose (1000, 0.5)', () => {
    expect(defaultQuantity({ frequency: 'QD', durationDays: '3', form: 'tablet', dose: '1000', strength: '1000' })).toBe('3');
    expect(defaultQuantity({ frequency: 'QD', durationDays: '3', form: 'tablet', dose: '1', strength: '0.5' })).toBe('6');
    expect(defaultQuantity({ frequency: 'QD', durationDays: '3', form: 'tablet', dose: '0.5', strength: '0.25' })).toBe('6');
  });
  it('guesses no quantity from a dose or duration with a separator', () => {
    // "1,000" mg of 1 mg tablets: never 1 tablet (read as 1) nor 1000
    expect(defaultQuantity({ frequency: 'QD', durationDays: '3', form: 'tablet', dose: '1,000', strength: '1' })).toBe('');
    expect(defaultQuantity({ frequency: 'QD', durationDays: '3', form: 'tablet', dose: '0,5', strength: '0.5' })).toBe('');
    expect(defaultQuantity({ frequency: 'QD', durationDays: '1,5', form: 'tablet' })).toBe('');
    expect(defaultQuantity({ frequency: 'QD', durationDays: '1e1', form: 'tablet' })).toBe('');
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
  it('empties the defaulted quantity when the dose becomes "1,000" instead of counting 1 mg', () => {
    const one = { ...start, dose: '1', drugStrength: '1' };
    const a = withQuantityDefault(one, { durationDays: '3' });
    expect(a.quantity).toBe('3');
    expect(withQuantityDefault(a, { dose: '1,000' }).quantity).toBe('');
    expect(withQuantityDefault(a, { dose: '2' }).quantity).toBe('6');
  });
  it('keeps a quantity the doctor typed', () => {
    const typed = withQuantityDefault(withQuantityDefault(start, { durationDays: '3' }), { quantity: '10' });
    expect(withQuantityDefault(typed, { frequency: 'BID' }).quantity).toBe('10');
  });
});
