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

/** The tests whose values a lab order needs: a panel's members (from the catalogue), or the test itself. */
export function resultTests(code: string | undefined, catalogue: readonly LabTestView[]): LabTestView[] {
  const test = catalogue.find((entry) => entry.code === code);
  if (!test) return [];
  if (!test.panel) return [test];
  return (test.members ?? []).flatMap((member) => catalogue.filter((entry) => entry.code === member));
}

/** A catalogue entry's name in the UI language (shared with the order's one-line text). */
export { labTestName } from '../../../lib/order-item-text';
