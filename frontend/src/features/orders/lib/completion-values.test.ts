import { describe, expect, it } from 'vitest';
import type { LabTestView } from '../../../types/api';
import { dispenseQuantity, labEntry, labResults, previewEntryFlag } from './completion-values';

const ALT = { code: 'ALT', unit: 'U/L', refLow: 7, refHigh: 56, panel: false, members: [] } satisfies LabTestView;
const K = { code: 'K', unit: 'mmol/L', refLow: 3.5, refHigh: 5.1, criticalLow: 2.5, criticalHigh: 6.0, panel: false, members: [] } satisfies LabTestView;
const WBC = { code: 'WBC', unit: '10^3/uL', refLow: 4, refHigh: 10, criticalLow: 2, criticalHigh: 30, panel: false, members: [] } satisfies LabTestView;
const URINE: LabTestView = { code: 'UCOLOR', panel: false, members: [] };

describe('dispensed quantity', () => {
  it('takes a plain number above zero', () => {
    expect(dispenseQuantity('1000')).toEqual({ quantity: 1000 });
    expect(dispenseQuantity('2.5')).toEqual({ quantity: 2.5 });
  });

  it('refuses a thousands separator instead of reading "1,000" as 1', () => {
    expect(dispenseQuantity('1,000')).toEqual({ error: 'plainNumber' });
    expect(dispenseQuantity('1,5')).toEqual({ error: 'plainNumber' });
  });

  it('refuses zero, a negative quantity and an empty field', () => {
    expect(dispenseQuantity('0')).toEqual({ error: 'positive' });
    expect(dispenseQuantity('-1')).toEqual({ error: 'positive' });
    expect(dispenseQuantity('  ')).toEqual({ error: 'required' });
  });
});

describe('lab values', () => {
  it('refuses "1,250" rather than reading it as 1.25 (flagged LOW for ALT)', () => {
    expect(labEntry('1,250', ALT)).toEqual({ kind: 'invalid' });
    expect(labEntry('1,5', ALT)).toEqual({ kind: 'invalid' });
    expect(previewEntryFlag(labEntry('1,250', ALT), ALT)).toBeUndefined();
  });

  it('reads plain decimals as values', () => {
    expect(labEntry('1250', ALT)).toEqual({ kind: 'value', value: 1250 });
    expect(labEntry('1.5', K)).toEqual({ kind: 'value', value: 1.5 });
    expect(labEntry('-2', K)).toEqual({ kind: 'value', value: -2 });
    expect(previewEntryFlag(labEntry('1250', ALT), ALT)).toBe('HIGH');
  });

  it('takes a comparator and a plain number as text for a test with a unit', () => {
    expect(labEntry(' >10.0 ', WBC)).toEqual({ kind: 'text', text: '>10.0', bound: { comparator: '>', value: 10 } });
    expect(labEntry('<0.5', K)).toEqual({ kind: 'text', text: '<0.5', bound: { comparator: '<', value: 0.5 } });
    expect(labEntry('>=600', ALT)).toEqual({ kind: 'text', text: '>=600', bound: { comparator: '>=', value: 600 } });
  });

  it.each(['abc', 'hemolysed', '> 10', '>1,000', '=5', '10-20', '>'])('refuses %j for a test with a unit', (raw) => {
    expect(labEntry(raw, ALT)).toEqual({ kind: 'invalid' });
  });

  it('keeps free text for a test without a unit, but not a number with separators', () => {
    expect(labEntry('straw yellow', URINE)).toEqual({ kind: 'text', text: 'straw yellow' });
    expect(labEntry('1:160', URINE)).toEqual({ kind: 'text', text: '1:160' });
    expect(labEntry('2', URINE)).toEqual({ kind: 'value', value: 2 });
    expect(labEntry('1,250', URINE)).toEqual({ kind: 'invalid' });
    expect(previewEntryFlag(labEntry('straw yellow', URINE), URINE)).toBe('NOT_NUMERIC');
  });

  it('previews a comparator result by its bound, and nothing for a bound inside the range', () => {
    expect(previewEntryFlag(labEntry('>10.0', K), K)).toBe('CRITICAL_HIGH');
    expect(previewEntryFlag(labEntry('>10.0', WBC), WBC)).toBe('HIGH');
    expect(previewEntryFlag(labEntry('<0.5', K), K)).toBe('CRITICAL_LOW');
    expect(previewEntryFlag(labEntry('<4.0', K), K)).toBeUndefined();
    expect(previewEntryFlag(labEntry('>4.0', K), K)).toBeUndefined();
  });

  it('builds the request in panel order, leaving out empty rows, or names the refused tests', () => {
    const tests = [WBC, K, ALT, URINE];
    expect(labResults(tests, { ALT: '1250', WBC: '>10.0', UCOLOR: 'amber', K: ' ' })).toEqual({
      results: [
        { testCode: 'WBC', text: '>10.0' },
        { testCode: 'ALT', value: 1250 },
        { testCode: 'UCOLOR', text: 'amber' },
      ],
      invalid: [],
    });
    expect(labResults(tests, { ALT: '1,250', K: '4.1', WBC: 'abc' }).invalid).toEqual(['WBC', 'ALT']);
  });
});
