import { describe, expect, it } from 'vitest';
import { previewBmi } from './bmi';

describe('previewBmi', () => {
  it('computes weight over height squared to one decimal', () => {
    expect(previewBmi('175', '70')).toBe('22.9');
    expect(previewBmi('160', '50')).toBe('19.5');
  });

  it('needs both values, positive and numeric', () => {
    expect(previewBmi('', '70')).toBeNull();
    expect(previewBmi('175', '')).toBeNull();
    expect(previewBmi('abc', '70')).toBeNull();
    expect(previewBmi('0', '70')).toBeNull();
  });
});
