import type { LabFlag, LabTestView } from '../../../types/api';

/**
 * The flag the server will give a value (mirror of LabFlag.of): critical limits first (inclusive), then the
 * reference range (exclusive). Only a preview: the stored flag is the server's.
 */
export function previewFlag(value: number | undefined, test: Pick<LabTestView, 'refLow' | 'refHigh' | 'criticalLow' | 'criticalHigh'>): LabFlag {
  if (value === undefined || Number.isNaN(value)) return 'NOT_NUMERIC';
  if (test.criticalLow != null && value <= test.criticalLow) return 'CRITICAL_LOW';
  if (test.criticalHigh != null && value >= test.criticalHigh) return 'CRITICAL_HIGH';
  if (test.refLow != null && value < test.refLow) return 'LOW';
  if (test.refHigh != null && value > test.refHigh) return 'HIGH';
  return 'NORMAL';
}

/** A comparator result as the analyser reports it beyond its measuring range: ">10.0", "<0.5", ">=600". */
export interface LabBound {
  comparator: '<' | '<=' | '>' | '>=';
  value: number;
}

/**
 * The flag of a comparator result: the one every value beyond the bound gets for sure, by the same limits as
 * {@link previewFlag}. An upper bound (">10.0") can only say critical high or high, a lower one ("<0.5") critical
 * low or low; a bound inside the range says nothing (undefined: no preview rather than a wrong one).
 */
export function previewBoundFlag(bound: LabBound, test: Pick<LabTestView, 'refLow' | 'refHigh' | 'criticalLow' | 'criticalHigh'>): LabFlag | undefined {
  const { comparator, value } = bound;
  const strict = comparator === '<' || comparator === '>';
  if (comparator === '>' || comparator === '>=') {
    // every x > value (or >= value) is >= criticalHigh when value >= criticalHigh; is > refHigh when value >= refHigh (> for >=)
    if (test.criticalHigh != null && value >= test.criticalHigh) return 'CRITICAL_HIGH';
    if (test.refHigh != null && (strict ? value >= test.refHigh : value > test.refHigh)) return 'HIGH';
    return undefined;
  }
  if (test.criticalLow != null && value <= test.criticalLow) return 'CRITICAL_LOW';
  if (test.refLow != null && (strict ? value <= test.refLow : value < test.refLow)) return 'LOW';
  return undefined;
}

export const isCritical = (flag: LabFlag | undefined) => flag === 'CRITICAL_LOW' || flag === 'CRITICAL_HIGH';

/** Arrow and colour per flag: critical in bold red, high/low with ↑/↓, so colour is never the only cue. */
export const FLAG_STYLE: Record<LabFlag, { arrow: string; className: string }> = {
  NORMAL: { arrow: '', className: 'text-slate-700' },
  LOW: { arrow: '↓', className: 'text-sky-800 font-medium' },
  HIGH: { arrow: '↑', className: 'text-amber-800 font-medium' },
  CRITICAL_LOW: { arrow: '↓↓', className: 'text-rose-700 font-bold' },
  CRITICAL_HIGH: { arrow: '↑↑', className: 'text-rose-700 font-bold' },
  NOT_NUMERIC: { arrow: '', className: 'text-slate-600' },
};

/** "13.0–17.0" from a reference range (either end may be open). */
export function referenceRange(test: Pick<LabTestView, 'refLow' | 'refHigh'>): string {
  if (test.refLow == null && test.refHigh == null) return '—';
  if (test.refLow == null) return `≤ ${test.refHigh}`;
  if (test.refHigh == null) return `≥ ${test.refLow}`;
  return `${test.refLow}–${test.refHigh}`;
}

/** A catalogue entry's name in the UI language (shared with the order's one-line text). */
export { labTestName } from '../../../lib/order-item-text';
