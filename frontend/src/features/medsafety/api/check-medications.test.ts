import { describe, expect, it } from 'vitest';
import { medicationCheckSchema } from './check-medications';

const proposed = [{ ingredientId: 'DB00316', dose: 250, unit: 'mg', frequencyPerDay: 4 }];

describe('medicationCheckSchema: age and weight for the dose limits', () => {
  it('accepts a child with a weight, and a request without either', () => {
    expect(medicationCheckSchema.safeParse({ proposed, ageYears: 6, weightKg: 20.5 }).success).toBe(true);
    expect(medicationCheckSchema.safeParse({ proposed }).success).toBe(true);
  });

  it.each([
    [{ ageYears: -1 }, 'validation.age'],
    [{ ageYears: 6.5 }, 'validation.age'],
    [{ ageYears: 151 }, 'validation.age'],
    [{ weightKg: 0 }, 'validation.weight'],
    [{ weightKg: 501 }, 'validation.weight'],
  ])('refuses %o with %s', (extra, message) => {
    const parsed = medicationCheckSchema.safeParse({ proposed, ...extra });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });
});
