import type { OrderForm, OrderTemplate } from '../../../types/api';
import type { BasketItem } from './basket';
import { buildOrderForm, emptyOrderForm, payloadValues, type OrderFormValues } from './order-form';

/**
 * Order templates (ADR 0038): a doctor's favourites and the department's order sets are order forms without patient
 * or due time. Picking one builds an ordinary basket draft, which then goes through the basket's order-select check
 * like any order typed in the form. Pure logic; the basket component calls the servers.
 */

/**
 * A template's product or test in the reader's language (the names the server stored with it, English and Korean;
 * one missing, the other), as the drug search and the lab catalogue name them in the basket.
 */
export function templateName(entry: { itemName?: string; itemNameKo?: string }, lang: string): string {
  return (lang === 'en' ? entry.itemName || entry.itemNameKo : entry.itemNameKo || entry.itemName) ?? '';
}

/** The template of an order form (for "add to favourites"): no patient, due time or duplicate confirmation. */
export function templateOf(form: OrderForm): OrderTemplate {
  return {
    type: form.type,
    priority: form.priority,
    indication: form.indication,
    medication: form.medication,
    labTest: form.labTest,
    imaging: form.imaging,
    tissueExam: form.tissueExam,
  };
}

/** The order form's values prefilled from a template; {@code itemName} labels the product of a medication. */
export function templateValues(template: OrderTemplate, itemName: string): OrderFormValues {
  const values = emptyOrderForm(template.type);
  return {
    ...values,
    priority: template.priority ?? values.priority,
    indication: template.indication ?? '',
    ...payloadValues(values, template, itemName),
  };
}

/**
 * Basket drafts for this patient from templates, checked as the order form checks (a template the form would refuse
 * is left out and counted, never sent as it is).
 */
export function basketDrafts(
  patientId: string,
  templates: readonly { itemName?: string; template?: OrderTemplate }[],
  newKey: () => string = () => crypto.randomUUID(),
): { items: BasketItem[]; skipped: number } {
  const items: BasketItem[] = [];
  let skipped = 0;
  for (const entry of templates) {
    if (!entry.template) {
      skipped++;
      continue;
    }
    const values = templateValues(entry.template, entry.itemName ?? '');
    const built = buildOrderForm(patientId, values);
    if (!built.ok) {
      skipped++;
      continue;
    }
    items.push({ key: newKey(), form: built.form, values, cards: [], state: 'draft' });
  }
  return { items, skipped };
}

/** What a new set item is called until the server names it: the product, the test, the body part, the specimen. */
export function templateItemName(values: OrderFormValues): string {
  switch (values.type) {
    case 'MEDICATION':
      return values.medication.drugLabel;
    case 'LAB_TEST':
      return values.labTest.testCode;
    case 'IMAGING':
      return `${values.imaging.modality} ${values.imaging.bodyPart}`.trim();
    default:
      return values.tissueExam.specimen;
  }
}
