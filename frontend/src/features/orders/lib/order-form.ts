import { z } from 'zod';
import { plainDecimal, separatedNumber } from '../../../lib/plain-number';
import { hospitalLocalToInstant, instantToHospitalLocal } from '../../../lib/time';
import type { OrderDetailView, OrderForm, OrderPriority, OrderTemplate, OrderType } from '../../../types/api';
import { DOSE_UNITS, FREQUENCIES, LATERALITIES, MODALITIES, PRIORITIES, ROUTES, SPECIMENS } from './enums';

/** What the order entry form holds: text as typed, converted and checked by {@link buildOrderForm}. */
export interface OrderFormValues {
  type: OrderType;
  priority: OrderPriority;
  /** `YYYY-MM-DDTHH:mm` in the hospital's time zone, or empty for the priority's default. */
  dueAt: string;
  indication: string;
  medication: {
    drugId: string;
    drugLabel: string;
    dose: string;
    doseUnit: string;
    route: string;
    frequency: string;
    durationDays: string;
    quantity: string;
    instructions: string;
    /** The picked product's form and strength ("tablet", "500"), for the quantity default; never sent. */
    drugForm?: string;
    drugStrength?: string;
  };
  labTest: { testCode: string; specimen: string };
  imaging: { modality: string; bodyPart: string; laterality: string; contrast: boolean };
  tissueExam: { specimen: string; site: string; clinicalQuestion: string };
}

export const emptyOrderForm = (type: OrderType = 'MEDICATION'): OrderFormValues => ({
  type,
  priority: 'ROUTINE',
  dueAt: '',
  indication: '',
  medication: { drugId: '', drugLabel: '', dose: '', doseUnit: 'mg', route: 'PO', frequency: 'QD', durationDays: '', quantity: '', instructions: '' },
  labTest: { testCode: '', specimen: '' },
  imaging: { modality: 'CT', bodyPart: '', laterality: 'NOT_APPLICABLE', contrast: false },
  tissueExam: { specimen: '', site: '', clinicalQuestion: '' },
});

const number = () =>
  z.number({ error: (issue) => (issue.input === undefined ? 'validation.required' : 'orders.validation.number') });
const optionalText = (max: number) => z.string().max(max, 'orders.validation.tooLong').optional();
const requiredText = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'orders.validation.tooLong');

// Mirrors of OrderDetails.* and OrderRequests.OrderForm (sizes, ranges, patterns); the server still decides.
export const medicationSchema = z.object({
  drugId: z.string({ error: 'orders.validation.drug' }).regex(/^DB\d{5}$/, 'orders.validation.drug'),
  dose: number().positive('orders.validation.positive').max(100000, 'orders.validation.tooLarge'),
  doseUnit: z.enum(DOSE_UNITS, { error: 'validation.required' }),
  route: z.enum(ROUTES, { error: 'validation.required' }),
  frequency: z.enum(FREQUENCIES, { error: 'validation.required' }),
  durationDays: number().int('orders.validation.whole').min(1, 'orders.validation.duration').max(365, 'orders.validation.duration'),
  quantity: number().positive('orders.validation.positive').max(10000, 'orders.validation.tooLarge').optional(),
  instructions: optionalText(1000),
});

export const labTestSchema = z.object({
  testCode: z.string({ error: 'orders.validation.labTest' }).min(1, 'orders.validation.labTest').max(20),
  specimen: z.enum(SPECIMENS).optional(),
});

export const imagingSchema = z.object({
  modality: z.enum(MODALITIES, { error: 'validation.required' }),
  bodyPart: requiredText(60),
  laterality: z.enum(LATERALITIES, { error: 'validation.required' }),
  contrast: z.boolean(),
});

export const tissueExamSchema = z.object({
  specimen: requiredText(120),
  site: requiredText(120),
  clinicalQuestion: requiredText(1000),
});

export const orderFormSchema = z.object({
  patientId: z.guid('orders.validation.patient'),
  type: z.enum(['MEDICATION', 'LAB_TEST', 'IMAGING', 'TISSUE_EXAM']),
  priority: z.enum(PRIORITIES),
  dueAt: z.iso.datetime({ offset: true, error: 'orders.validation.dueAt' }).optional(),
  indication: optionalText(1000),
  medication: medicationSchema.optional(),
  labTest: labTestSchema.optional(),
  imaging: imagingSchema.optional(),
  tissueExam: tissueExamSchema.optional(),
  intendedDuplicate: z.boolean().optional(),
}) satisfies z.ZodType<OrderForm>;

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());
/**
 * A number field's text as a number: undefined when blank (the schema says whether it is required), the value of a
 * plain decimal, else NaN, which the schema refuses. Never a guess: "1,000" is not 1 nor 1000 (see plainDecimal).
 */
const toNumber = (value: string) => (value.trim() === '' ? undefined : (plainDecimal(value) ?? Number.NaN));
/** The medication's number fields, by form key. */
const MEDICATION_NUMBERS = ['dose', 'durationDays', 'quantity'] as const;

/** A `YYYY-MM-DDTHH:mm` wall-clock time in the hospital's zone (from the server) as an ISO instant. */
export function seoulLocalToInstant(local: string): string | undefined {
  return hospitalLocalToInstant(local);
}

/** An instant as the `YYYY-MM-DDTHH:mm` wall-clock time in the hospital's zone that a `datetime-local` field holds. */
export function instantToSeoulLocal(instant: string): string | undefined {
  return instantToHospitalLocal(instant);
}

const text = (value: number | string | undefined | null) => (value == null ? '' : String(value));

/**
 * The content an order carries (its medication, lab test, imaging or tissue exam) as form values: shared by an order
 * being edited or revised and by a favourite or order-set template. {@code drugLabel} names the medication's product.
 */
export function payloadValues(
  values: OrderFormValues,
  payload: Pick<OrderTemplate, 'medication' | 'labTest' | 'imaging' | 'tissueExam'>,
  drugLabel: string,
): Pick<OrderFormValues, 'medication' | 'labTest' | 'imaging' | 'tissueExam'> {
  const m = payload.medication;
  return {
    medication: m
      ? {
          drugId: m.drugId ?? '',
          drugLabel,
          dose: text(m.dose),
          doseUnit: m.doseUnit ?? values.medication.doseUnit,
          route: m.route ?? values.medication.route,
          frequency: m.frequency ?? values.medication.frequency,
          durationDays: text(m.durationDays),
          quantity: text(m.quantity),
          instructions: m.instructions ?? '',
        }
      : values.medication,
    labTest: payload.labTest ? { testCode: payload.labTest.testCode ?? '', specimen: payload.labTest.specimen ?? '' } : values.labTest,
    imaging: payload.imaging
      ? {
          modality: payload.imaging.modality ?? values.imaging.modality,
          bodyPart: payload.imaging.bodyPart ?? '',
          laterality: payload.imaging.laterality ?? values.imaging.laterality,
          contrast: Boolean(payload.imaging.contrast),
        }
      : values.imaging,
    tissueExam: payload.tissueExam
      ? { specimen: payload.tissueExam.specimen ?? '', site: payload.tissueExam.site ?? '', clinicalQuestion: payload.tissueExam.clinicalQuestion ?? '' }
      : values.tissueExam,
  };
}

/**
 * The form prefilled with an order's content, for editing it or writing its revision. Its due time is kept only while
 * it lies ahead: the server refuses a past one, and empty means "from the priority".
 */
export function orderFormValues(detail: OrderDetailView, now: number = Date.now()): OrderFormValues {
  const order = detail.order;
  const values = emptyOrderForm(order?.type ?? 'MEDICATION');
  const due = order?.dueAt && Date.parse(order.dueAt) > now ? instantToSeoulLocal(order.dueAt) : undefined;
  return {
    ...values,
    priority: order?.priority ?? values.priority,
    dueAt: due ?? '',
    indication: detail.indication ?? '',
    ...payloadValues(values, detail, detail.drugName ?? ''),
  };
}

export type BuildResult = { ok: true; form: OrderForm } | { ok: false; errors: Record<string, string> };

/**
 * The request body for POST /api/ocs/orders (and the `order` of an edit, the body of a revision) from what the form
 * holds: only the payload of the chosen type, numbers
 * converted (plain decimals only: "1,000" or "1,5" is refused with orders.validation.plainNumber, never read as 1 or
 * 1.5), empty optional fields left out. Errors are keyed by dotted path (`medication.dose`), as the server's
 * field errors are after {@link pointerKey}; messages are i18n keys.
 */
export function buildOrderForm(patientId: string, values: OrderFormValues, intendedDuplicate = false): BuildResult {
  const m = values.medication;
  const candidate = {
    patientId,
    type: values.type,
    priority: values.priority,
    dueAt: values.dueAt ? (seoulLocalToInstant(values.dueAt) ?? values.dueAt) : undefined,
    indication: blank(values.indication),
    medication:
      values.type === 'MEDICATION'
        ? {
            drugId: blank(m.drugId),
            dose: toNumber(m.dose),
            doseUnit: m.doseUnit,
            route: m.route,
            frequency: m.frequency,
            durationDays: toNumber(m.durationDays),
            quantity: toNumber(m.quantity),
            instructions: blank(m.instructions),
          }
        : undefined,
    labTest:
      values.type === 'LAB_TEST' ? { testCode: blank(values.labTest.testCode), specimen: blank(values.labTest.specimen) } : undefined,
    imaging:
      values.type === 'IMAGING'
        ? { modality: values.imaging.modality, bodyPart: values.imaging.bodyPart.trim(), laterality: values.imaging.laterality, contrast: values.imaging.contrast }
        : undefined,
    tissueExam:
      values.type === 'TISSUE_EXAM'
        ? { specimen: values.tissueExam.specimen.trim(), site: values.tissueExam.site.trim(), clinicalQuestion: values.tissueExam.clinicalQuestion.trim() }
        : undefined,
    intendedDuplicate: intendedDuplicate || undefined,
  };
  // "1,000" or "1,5" asks for the number without separators rather than just "enter a number"
  const numberErrors: Record<string, string> = {};
  if (values.type === 'MEDICATION') {
    for (const field of MEDICATION_NUMBERS) if (separatedNumber(m[field])) numberErrors[`medication.${field}`] = 'orders.validation.plainNumber';
  }
  const parsed = orderFormSchema.safeParse(candidate);
  if (parsed.success && Object.keys(numberErrors).length === 0) return { ok: true, form: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) {
    const key = issue.path.map(String).join('.');
    if (!(key in errors)) errors[key] = numberErrors[key] ?? issue.message;
  }
  for (const [key, message] of Object.entries(numberErrors)) errors[key] ??= message;
  return { ok: false, errors };
}

/** A problem's JSON pointer as a form key: `/medication/dose` → `medication.dose`; `/order/medication/dose` too. */
export function pointerKey(pointer: string): string {
  return pointer
    .replace(/^#?\//, '')
    .replace(/^order\//, '')
    .split('/')
    .join('.');
}
