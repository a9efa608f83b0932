import { describe, expect, it } from 'vitest';
import { plainDecimal, separatedNumber } from './plain-number';

describe('plain decimals', () => {
  it.each([
    ['1000', 1000],
    ['1250', 1250],
    ['1.5', 1.5],
    ['0.5', 0.5],
    [' 42 ', 42],
    ['-3.2', -3.2],
    ['0', 0],
  ])('reads %j as %s', (raw, value) => {
    expect(plainDecimal(raw)).toBe(value);
  });

  it.each(['1,000', '1,250', '1,5', '0,5', '1 250', '1.250.000', '1e3', '+5', '.5', '5.', 'Infinity', '0x10', 'abc', '', '  '])('refuses %j', (raw) => {
    expect(plainDecimal(raw)).toBeUndefined();
  });
});

describe('numbers with separators', () => {
  it.each(['1,000', '1,5', '0,5', '1 000', '1.000.000', '+5', '.5', '5.', ' 1,000 '])('%j is meant as a number but is not a plain one', (raw) => {
    expect(separatedNumber(raw)).toBe(true);
  });

  it.each(['1000', '0.5', '-2', 'abc', '1e3', '0x10', '', '20 mg'])('%j is not', (raw) => {
    expect(separatedNumber(raw)).toBe(false);
  });
});
