import { z } from 'zod';

/** BI-RADS assessment categories (ACR BI-RADS Atlas, 5th ed.): 0 incomplete … 6 known biopsy-proven malignancy. */
export const BIRADS_CATEGORIES = [0, 1, 2, 3, 4, 5, 6] as const;

/** What the radiologist types: text fields as typed, the BI-RADS category as the select's value ('' = none). */
export interface ReportFormValues {
  findings: string;
  impression: string;
  recommendation: string;
  birads: string;
  critical: boolean;
}

/** The body of POST /api/ris/reports (mirrors the server's SaveDraft; the server checks it again). */
export interface DraftPayload {
  orderId: string;
  version?: number;
  findings?: string;
  impression?: string;
  recommendation?: string;
  biradsCategory?: number;
  critical: boolean;
}

export const emptyReportForm: ReportFormValues = { findings: '', impression: '', recommendation: '', birads: '', critical: false };

const birads = z
  .string()
  .refine((v) => v === '' || (/^\d$/.test(v) && Number(v) >= 0 && Number(v) <= 6), 'radiology.validation.biradsRange');

/** A draft may be incomplete: only lengths and the BI-RADS range are checked. */
export const draftSchema = z.object({
  findings: z.string().max(20000, 'radiology.validation.tooLong'),
  impression: z.string().max(5000, 'radiology.validation.tooLong'),
  recommendation: z.string().max(5000, 'radiology.validation.tooLong'),
  birads,
  critical: z.boolean(),
});

/** Signing needs findings, an impression and, for breast imaging, a BI-RADS category (server rule report.*). */
export function signSchema(breastImaging: boolean) {
  return draftSchema
    .extend({
      findings: z.string().trim().min(1, 'validation.required').max(20000, 'radiology.validation.tooLong'),
      impression: z.string().trim().min(1, 'validation.required').max(5000, 'radiology.validation.tooLong'),
    })
    .refine((v) => !breastImaging || v.birads !== '', { path: ['birads'], message: 'radiology.validation.biradsRequired' });
}

/** The form's values as the API's draft body. */
export function toDraftPayload(orderId: string, version: number | undefined, v: ReportFormValues, breastImaging: boolean): DraftPayload {
  const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
  return {
    orderId,
    version,
    findings: text(v.findings),
    impression: text(v.impression),
    recommendation: text(v.recommendation),
    biradsCategory: breastImaging && v.birads !== '' ? Number(v.birads) : undefined,
    critical: v.critical,
  };
}

/** A saved report's content as form values. */
export function fromReport(report: {
  findings?: string | null;
  impression?: string | null;
  recommendation?: string | null;
  biradsCategory?: number | null;
  critical?: boolean;
}): ReportFormValues {
  return {
    findings: report.findings ?? '',
    impression: report.impression ?? '',
    recommendation: report.recommendation ?? '',
    birads: report.biradsCategory === null || report.biradsCategory === undefined ? '' : String(report.biradsCategory),
    critical: Boolean(report.critical),
  };
}
