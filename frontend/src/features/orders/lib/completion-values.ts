import type { LabFlag, LabTestView, LabValue } from '../../../types/api';
import { plainDecimal } from '../../../lib/plain-number';
import { previewBoundFlag, previewFlag, type LabBound } from './lab-flags';

/*
 * What the completion forms accept in a number field: a plain decimal ({@link plainDecimal}, shared with order entry),
 * never a guess ("1,250" may be 1250 or 1.25, so it is refused). A lab value may also be a comparator result.
 */
/** A comparator and a plain decimal, nothing between them: ">10.0", "<0.5", ">=600". */
const COMPARATOR_VALUE = /^(<=|>=|<|>)(-?\d+(?:\.\d+)?)$/;
/** Text that is meant as a number but is not a plain one ("1,250", "1 250", "1.250.000", ">1,000", "+5"). */
const NUMBER_LIKE = /^(<=|>=|<|>)?\s*[-+]?[\d.,\s]*\d[\d.,\s]*$/;

export type DispenseQuantity = { quantity: number } | { error: 'required' | 'plainNumber' | 'positive' };

/** The pharmacy's dispensed quantity: a plain decimal above zero. */
export function dispenseQuantity(raw: string): DispenseQuantity {
  if (raw.trim() === '') return { error: 'required' };
  const quantity = plainDecimal(raw);
  if (quantity === undefined) return { error: 'plainNumber' };
  return quantity > 0 ? { quantity } : { error: 'positive' };
}

/**
 * One typed lab value. A test with a unit takes a number (sent as `value`) or a comparator result beyond the
 * analyser's range (sent as `text`, e.g. ">10.0"), nothing else. A test without a unit also takes free text
 * ("positive", "1:160"), sent as `text`, but not a number with separators.
 */
export type LabEntry =
  | { kind: 'empty' }
  | { kind: 'value'; value: number }
  | { kind: 'text'; text: string; bound?: LabBound }
  | { kind: 'invalid' };

export function labEntry(raw: string, test: Pick<LabTestView, 'unit'>): LabEntry {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  const value = plainDecimal(text);
  if (value !== undefined) return { kind: 'value', value };
  const comparator = COMPARATOR_VALUE.exec(text);
  if (comparator) return { kind: 'text', text, bound: { comparator: comparator[1] as LabBound['comparator'], value: Number(comparator[2]) } };
  if (test.unit?.trim() || NUMBER_LIKE.test(text)) return { kind: 'invalid' };
  return { kind: 'text', text };
}

/** The flag preview of a typed value: none while empty or refused; a comparator result by its bound. */
export function previewEntryFlag(entry: LabEntry, test: Pick<LabTestView, 'refLow' | 'refHigh' | 'criticalLow' | 'criticalHigh'>): LabFlag | undefined {
  switch (entry.kind) {
    case 'value':
      return previewFlag(entry.value, test);
    case 'text':
      return entry.bound ? previewBoundFlag(entry.bound, test) : 'NOT_NUMERIC';
    default:
      return undefined;
  }
}

/**
 * The request's result rows from what was typed, in the order of `tests` (empty rows left out), or the codes of the
 * tests whose values were refused.
 */
export function labResults(
  tests: readonly Pick<LabTestView, 'code' | 'unit'>[],
  entries: Record<string, string>,
): { results: LabValue[]; invalid: string[] } {
  const results: LabValue[] = [];
  const invalid: string[] = [];
  for (const test of tests) {
    const testCode = test.code ?? '';
    const entry = labEntry(entries[testCode] ?? '', test);
    if (entry.kind === 'value') results.push({ testCode, value: entry.value });
    else if (entry.kind === 'text') results.push({ testCode, text: entry.text });
    else if (entry.kind === 'invalid') invalid.push(testCode);
  }
  return { results, invalid };
}
