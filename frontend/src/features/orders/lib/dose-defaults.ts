import { plainDecimal } from '../../../lib/plain-number';
import type { DrugSuggestion } from '../../../types/api';
import { DOSE_UNITS, ROUTES } from './enums';

/**
 * Dose, unit, route and quantity defaults for a medication order (ADR 0033). They come from the knowledge base's
 * curated product of the picked drug (`products.tsv`: strength, strength unit, form, route — returned by the drug
 * search as `strength` "500 mg", `form`, `route`) and from frequency × duration. Only what the product states is
 * filled in; the doctor changes any of it, and the server's dose-range check stays the authority.
 */

/** Administrations per day of each frequency; PRN has none to count, ONCE is a single administration in all. */
export const ADMINISTRATIONS_PER_DAY: Record<string, number | undefined> = {
  QD: 1,
  QHS: 1,
  BID: 2,
  Q12H: 2,
  TID: 3,
  Q8H: 3,
  QID: 4,
  Q6H: 4,
  Q4H: 6,
};

/** Forms counted in units of one (one tablet or capsule a dose): quantity is a number of them. */
const COUNTED_FORMS = ['tablet', 'capsule'];

export interface ProductDefaults {
  dose?: string;
  doseUnit?: string;
  route?: string;
  form?: string;
}

/**
 * The product's strength as the dose (one unit of the form), its unit when the form knows it, its route. A strength
 * that is not a plain decimal ("1,000 mg": 1000 or 1?) fills in no dose: the doctor types it.
 */
export function productDefaults(drug: Pick<DrugSuggestion, 'strength' | 'form' | 'route'>): ProductDefaults {
  const out: ProductDefaults = {};
  const match = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(drug.strength ?? '');
  if (match) {
    const unit = (DOSE_UNITS as readonly string[]).find((u) => u.toLowerCase() === match[2].toLowerCase());
    if (unit) {
      out.dose = match[1];
      out.doseUnit = unit;
    }
  }
  if (drug.route && (ROUTES as readonly string[]).includes(drug.route)) out.route = drug.route;
  if (drug.form) out.form = drug.form.toLowerCase();
  return out;
}

/**
 * The quantity to dispense: administrations per day × days (weekly: per week begun), in tablets or capsules (one per dose, the dose being
 * the product's strength or a whole multiple of it). Empty when it cannot be counted: another form, PRN, a dose that
 * is not a whole number of units, no duration, a dose or duration that is not a plain number ("1,000", "1e1").
 */
export function defaultQuantity(args: {
  frequency: string;
  durationDays: string;
  form?: string;
  dose?: string;
  strength?: string;
}): string {
  const days = plainDecimal(args.durationDays);
  if (days === undefined || !Number.isInteger(days) || days < 1) return '';
  if (!args.form || !COUNTED_FORMS.includes(args.form)) return '';
  const unitsPerDose = unitsOfStrength(args.dose, args.strength);
  if (unitsPerDose === undefined) return '';
  if (args.frequency === 'ONCE') return String(unitsPerDose);
  // once a week: one dose for each week begun (14 days of a weekly drug are 2 doses, not 14)
  if (args.frequency === 'QW') return String(Math.ceil(days / 7) * unitsPerDose);
  const perDay = ADMINISTRATIONS_PER_DAY[args.frequency];
  return perDay ? String(perDay * days * unitsPerDose) : '';
}

/**
 * How many units of the product make the dose (2 for 1000 mg of 500 mg tablets); undefined when not whole or when
 * the dose is not a plain decimal ("1,000" is never read as 1 or 1000: no quantity is guessed from it).
 */
function unitsOfStrength(dose?: string, strength?: string): number | undefined {
  if (!dose || !strength) return 1;
  const d = plainDecimal(dose);
  const s = plainDecimal(strength);
  if (d === undefined || s === undefined || !(d > 0) || !(s > 0)) return undefined;
  const n = d / s;
  return Number.isInteger(n) ? n : undefined;
}

/** The medication part of the order form, as far as the defaults need it. */
export interface MedicationDefaultsState {
  dose: string;
  frequency: string;
  durationDays: string;
  quantity: string;
  drugForm?: string;
  drugStrength?: string;
}

const quantityOf = (m: MedicationDefaultsState) =>
  defaultQuantity({ frequency: m.frequency, durationDays: m.durationDays, form: m.drugForm, dose: m.dose, strength: m.drugStrength });

/**
 * Applies a change to the medication fields and keeps the quantity defaulted: it follows frequency × duration (and
 * the dose) while it is empty or still the value computed before; a quantity the doctor typed is left alone.
 */
export function withQuantityDefault<M extends MedicationDefaultsState>(prev: M, patch: Partial<M>): M {
  const next = { ...prev, ...patch };
  if ('quantity' in patch) return next;
  const before = quantityOf(prev);
  if (prev.quantity !== '' && prev.quantity !== before) return next;
  return { ...next, quantity: quantityOf(next) };
}
