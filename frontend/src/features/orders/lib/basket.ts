import type { OrderForm, SendOrderRequest } from '../../../types/api';
import { ADMINISTRATIONS_PER_DAY } from './dose-defaults';
import type { OrderFormValues } from './order-form';

/**
 * The order basket of a visit (ADR 0033): orders collected while the doctor sees the patient, checked by our own
 * CDS Hooks services (order-select as each drug is added, order-sign at signing) and then created and sent through
 * the orders API, whose safety check on send stays the authority. Pure logic here; the component calls the servers.
 */

/** A CDS Hooks card as our services answer it (CdsHooksService.Card). */
export interface CdsCard {
  uuid: string;
  summary: string;
  detail?: string;
  indicator: 'info' | 'warning' | 'critical' | string;
  source?: { label?: string };
  overrideReasons?: { system?: string; code: string; display?: string }[];
}

/**
 * What the doctor decided about the cards of a drug: go on with a coded reason (and a comment), or — for cards that
 * offer no reason, an incomplete check — with the acknowledgement.
 */
export interface BasketOverride {
  reasonCode?: string;
  comment: string;
  acknowledged?: boolean;
}

export type BasketItemState = 'draft' | 'signing' | 'sent' | 'failed';

export interface BasketItem {
  key: string;
  form: OrderForm;
  values: OrderFormValues;
  /** order-select's cards for this drug (medications only). */
  cards: CdsCard[];
  override?: BasketOverride;
  state: BasketItemState;
  orderId?: string;
  orderNumber?: string;
  /** Why signing this item failed, in words (the server's problem message). */
  error?: string;
}

export const DRUGBANK_SYSTEM = 'http://www.drugbank.ca';

/** The card indicators that interrupt: the doctor removes, changes or overrides. */
export const isInterruptive = (card: CdsCard) => card.indicator === 'critical' || card.indicator === 'warning';

/** A medication item whose interruptive cards were not decided yet (signing waits for it). */
export const needsDecision = (item: BasketItem) =>
  item.form.type === 'MEDICATION' && item.cards.some(isInterruptive) && item.override === undefined;

/** A medication order of the basket as a FHIR R4 draft MedicationRequest (DrugBank coding, dose, timing). */
export function draftMedicationRequest(item: BasketItem, patientId: string): Record<string, unknown> {
  const m = item.form.medication;
  const perDay = m?.frequency ? ADMINISTRATIONS_PER_DAY[m.frequency] : undefined;
  const dosage: Record<string, unknown> = { text: [m?.dose, m?.doseUnit, m?.route, m?.frequency].filter(Boolean).join(' ') };
  if (m?.dose !== undefined) dosage.doseAndRate = [{ doseQuantity: { value: m.dose, unit: m.doseUnit } }];
  if (perDay) dosage.timing = { repeat: { frequency: perDay, period: 1, periodUnit: 'd' } };
  return {
    resourceType: 'MedicationRequest',
    id: item.key,
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: {
      coding: [{ system: DRUGBANK_SYSTEM, code: m?.drugId, display: item.values.medication.drugLabel || undefined }],
      text: item.values.medication.drugLabel || m?.drugId,
    },
    subject: { reference: `Patient/${patientId}` },
    dosageInstruction: [dosage],
  };
}

/** The FHIR data the services want prefetched (their discovery's `prefetch`), as read from our `/fhir`. */
export interface CdsPrefetch {
  patient: unknown;
  allergies: unknown;
  medications: unknown;
  weight: unknown;
}

/**
 * The body of a CDS Hooks call for the basket's medications, `selections` naming the drug the cards are wanted for
 * (the basket's other drugs count as already chosen, so a pair within the basket is found from either side):
 * order-select as a drug is added, order-sign once per drug at signing, so that every card belongs to one drug.
 */
export function cdsRequest(args: {
  hook: 'order-select' | 'order-sign';
  hookInstance: string;
  patientId: string;
  userId?: string;
  medications: BasketItem[];
  selected?: BasketItem;
  prefetch: CdsPrefetch;
}): Record<string, unknown> {
  const context: Record<string, unknown> = {
    userId: args.userId ? `Practitioner/${args.userId}` : undefined,
    patientId: args.patientId,
    draftOrders: {
      resourceType: 'Bundle',
      type: 'collection',
      entry: args.medications.map((item) => ({ resource: draftMedicationRequest(item, args.patientId) })),
    },
  };
  if (args.selected) context.selections = [`MedicationRequest/${args.selected.key}`];
  return { hook: args.hook, hookInstance: args.hookInstance, context, prefetch: args.prefetch };
}

/** The discovery ids of our services (CdsServiceDiscovery). */
export const CDS_SERVICE = { select: 'cdss-medsafety-order-select', sign: 'cdss-medsafety-order-sign' } as const;

/** The send body of an item: the override the doctor gave in the basket, or none. */
export function sendBody(item: BasketItem): SendOrderRequest {
  if (!item.override) return {};
  const { reasonCode, acknowledged } = item.override;
  const comment = item.override.comment.trim();
  return {
    override: {
      ...(reasonCode ? { reasonCode: reasonCode as NonNullable<SendOrderRequest['override']>['reasonCode'] } : {}),
      ...(comment ? { comment } : {}),
      ...(acknowledged ? { incompleteAcknowledged: true } : {}),
    },
  };
}

/** The override reasons the cards offer (their codings, in the order first offered). */
export function offeredReasons(cards: readonly CdsCard[]): string[] {
  const out: string[] = [];
  for (const card of cards) for (const r of card.overrideReasons ?? []) if (!out.includes(r.code)) out.push(r.code);
  return out;
}

/** Sorts cards most severe first (critical, warning, info). */
export function bySeverity(cards: readonly CdsCard[]): CdsCard[] {
  const rank = (c: CdsCard) => (c.indicator === 'critical' ? 0 : c.indicator === 'warning' ? 1 : 2);
  return [...cards].sort((a, b) => rank(a) - rank(b));
}

/**
 * A card's detail as the clinical screen shows it: plain text (our cards use only **bold** and _italics_) without the
 * rule ids meant for EHR integrators ("(rule ONC-HIGH:DB00641:DB01211)", "; related rules: …") — no raw code on a
 * clinical screen.
 */
export function cardText(markdown?: string): string {
  return (markdown ?? '')
    .replace(/\s*\(rule [^)]*\)/g, '')
    .replace(/;\s*related rules:[^\n]*/g, '')
    .replace(/\*\*|(^|\s)_|_(\s|$)/g, '$1$2');
}
