import { describe, expect, it } from 'vitest';
import { emptyOrderForm } from './order-form';
import { cdsRequest, draftMedicationRequest, needsDecision, offeredReasons, sendBody, type BasketItem, type CdsCard } from './basket';

const patientId = '3f0c0000-0000-4000-8000-000000000001';

function medication(key: string, drugId: string, label: string): BasketItem {
  const values = emptyOrderForm('MEDICATION');
  values.medication = { ...values.medication, drugId, drugLabel: label, dose: '20', durationDays: '7' };
  return {
    key,
    form: { patientId, type: 'MEDICATION', priority: 'ROUTINE', medication: { drugId, dose: 20, doseUnit: 'mg', route: 'PO', frequency: 'BID', durationDays: 7 } },
    values,
    cards: [],
    state: 'draft',
  };
}

const critical: CdsCard = {
  uuid: 'c1',
  summary: 'Contraindicated (contraindicated): Simvastatin + Clarithromycin',
  indicator: 'critical',
  overrideReasons: [
    { code: 'BENEFIT_OUTWEIGHS_RISK' },
    { code: 'OTHER' },
  ],
};

describe('draftMedicationRequest', () => {
  it('is a FHIR draft MedicationRequest with the DrugBank coding, the dose and the daily timing our service reads', () => {
    const r = draftMedicationRequest(medication('k1', 'DB00641', 'Simvastatin 20 mg'), patientId) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- reading a JSON tree
    expect(r.resourceType).toBe('MedicationRequest');
    expect(r.status).toBe('draft');
    expect(r.id).toBe('k1');
    expect(r.medicationCodeableConcept.coding[0]).toEqual({ system: 'http://www.drugbank.ca', code: 'DB00641', display: 'Simvastatin 20 mg' });
    expect(r.subject.reference).toBe(`Patient/${patientId}`);
    expect(r.dosageInstruction[0].doseAndRate[0].doseQuantity).toEqual({ value: 20, unit: 'mg' });
    expect(r.dosageInstruction[0].timing.repeat).toEqual({ frequency: 2, period: 1, periodUnit: 'd' });
  });
});

describe('cdsRequest', () => {
  it('selects the drug the cards are wanted for; the other basket drugs go along as drafts', () => {
    const a = medication('a', 'DB00641', 'Simvastatin');
    const b = medication('b', 'DB01211', 'Clarithromycin');
    const prefetch = { patient: { resourceType: 'Patient' }, allergies: {}, medications: {}, weight: null };
    const body = cdsRequest({ hook: 'order-select', hookInstance: 'h', patientId, userId: 'u', medications: [a, b], selected: b, prefetch }) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- reading a JSON tree
    expect(body.hook).toBe('order-select');
    expect(body.context.patientId).toBe(patientId);
    expect(body.context.userId).toBe('Practitioner/u');
    expect(body.context.selections).toEqual(['MedicationRequest/b']);
    expect(body.context.draftOrders.entry).toHaveLength(2);
    expect(body.prefetch).toBe(prefetch);
  });
});

describe('decisions', () => {
  it('a drug with a critical or warning card waits for a decision; an info card does not', () => {
    const item = { ...medication('a', 'DB00641', 'Simvastatin'), cards: [critical] };
    expect(needsDecision(item)).toBe(true);
    expect(needsDecision({ ...item, override: { reasonCode: 'BENEFIT_OUTWEIGHS_RISK', comment: '' } })).toBe(false);
    expect(needsDecision({ ...item, cards: [{ ...critical, indicator: 'info' }] })).toBe(false);
  });

  it('sends the override the doctor gave: the reason, the comment if any, an acknowledgement for an incomplete check', () => {
    const item = medication('a', 'DB00641', 'Simvastatin');
    expect(sendBody(item)).toEqual({});
    expect(sendBody({ ...item, override: { reasonCode: 'OTHER', comment: ' short course ' } })).toEqual({ override: { reasonCode: 'OTHER', comment: 'short course' } });
    expect(sendBody({ ...item, override: { comment: '', acknowledged: true } })).toEqual({ override: { incompleteAcknowledged: true } });
  });

  it('offers the reasons the cards offer, once each', () => {
    expect(offeredReasons([critical, { ...critical, uuid: 'c2', overrideReasons: [{ code: 'OTHER' }, { code: 'PATIENT_TOLERATES' }] }])).toEqual([
      'BENEFIT_OUTWEIGHS_RISK',
      'OTHER',
      'PATIENT_TOLERATES',
    ]);
  });
});

describe('mergeBundles', () => {
  it('puts the resources of the medication orders and the medication list in one collection Bundle', async () => {
    const { mergeBundles } = await import('../api/cds-hooks');
    const merged = mergeBundles(
      { resourceType: 'Bundle', type: 'searchset', entry: [{ fullUrl: 'x', resource: { resourceType: 'MedicationRequest' } }] },
      { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { resourceType: 'MedicationStatement' } }] },
      null,
    );
    expect(merged).toEqual({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: { resourceType: 'MedicationRequest' } }, { resource: { resourceType: 'MedicationStatement' } }],
    });
  });
});

describe('cardText', () => {
  it('shows the card detail as plain text without the rule ids', async () => {
    const { cardText } = await import('./basket');
    const detail =
      'Simvastatin + Clarithromycin: never combine\n\n**What to do:** Do not combine.\n\n_Source:_ Phansalkar S et al. 2012 (rule ONC-HIGH:DB00641:DB01211); related rules: ANSM:DB00641:DB01211, OVL-CYP3A4';
    const text = cardText(detail);
    expect(text).toContain('What to do: Do not combine.');
    expect(text).toContain('Source: Phansalkar S et al. 2012');
    expect(text).not.toMatch(/DB\d{5}|rule/);
  });
});
