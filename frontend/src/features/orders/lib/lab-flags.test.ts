import { describe, expect, it } from 'vitest';
import type { LabTestView } from '../../../types/api';
import { previewBoundFlag, previewFlag, referenceRange } from './lab-flags';

const HGB = { code: 'HGB', refLow: 12, refHigh: 17, criticalLow: 7, criticalHigh: 20, panel: false, members: [] } satisfies LabTestView;

describe('previewFlag (mirror of LabFlag.of)', () => {
  it.each([
    [6.0, 'CRITICAL_LOW'],
    [7, 'CRITICAL_LOW'],
    [11.9, 'LOW'],
    [12, 'NORMAL'],
    [17, 'NORMAL'],
    [17.1, 'HIGH'],
    [20, 'CRITICAL_HIGH'],
    [undefined, 'NOT_NUMERIC'],
    [Number.NaN, 'NOT_NUMERIC'],
  ])('flags %s as %s', (value, flag) => {
    expect(previewFlag(value, HGB)).toBe(flag);
  });

  it('writes open-ended ranges', () => {
    expect(referenceRange(HGB)).toBe('12–17');
    expect(referenceRange({ refHigh: 5 })).toBe('≤ 5');
    expect(referenceRange({})).toBe('—');
  });
});

describe('previewBoundFlag (comparator results)', () => {
  it.each([
    ['>', 20, 'CRITICAL_HIGH'],
    ['>=', 25, 'CRITICAL_HIGH'],
    ['>', 19, 'HIGH'],
    // every value above 17 is high; 17 itself is not
    ['>', 17, 'HIGH'],
    ['>=', 17, undefined],
    ['>', 15, undefined],
    ['>', 3, undefined],
    ['<', 7, 'CRITICAL_LOW'],
    ['<=', 5, 'CRITICAL_LOW'],
    ['<', 12, 'LOW'],
    ['<=', 12, undefined],
    ['<', 15, undefined],
    ['<', 30, undefined],
  ] as const)('flags %s%s as %s', (comparator, value, flag) => {
    expect(previewBoundFlag({ comparator, value }, HGB)).toBe(flag);
  });

  it('says nothing without limits on that side', () => {
    expect(previewBoundFlag({ comparator: '>', value: 1000 }, { refLow: 1 })).toBeUndefined();
    expect(previewBoundFlag({ comparator: '<', value: 0 }, { refHigh: 1 })).toBeUndefined();
  });
});
