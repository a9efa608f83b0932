import { describe, expect, it } from 'vitest';
import { evidenceHref } from './evidence-link';

describe('evidenceHref', () => {
  it('asks for the interaction of both drugs of an interaction alert', () => {
    expect(
      evidenceHref({
        type: 'INTERACTION',
        drugs: [
          { id: 'DB00682', name: 'Warfarin', role: 'PROPOSED' },
          { id: 'DB00945', name: 'Aspirin', role: 'ACTIVE' },
        ],
      }),
    ).toBe('/knowledge/evidence?context=INTERACTION&terms=Warfarin&terms=Aspirin');
  });

  it('asks for a single drug otherwise, and for nothing without a drug name', () => {
    expect(evidenceHref({ type: 'ALLERGY', drugs: [{ id: 'DB01', name: 'Amoxicillin 500 mg' }] })).toBe(
      '/knowledge/evidence?context=DRUG&terms=Amoxicillin+500+mg',
    );
    expect(evidenceHref({ type: 'INCOMPLETE', drugs: [] })).toBeUndefined();
  });
});
