import type { z } from 'zod';
import i18n from './i18n';

/**
 * Client-side validation messages by field. Schemas carry i18n keys as messages
 * (`validation.required`), translated here.
 */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!(field in result)) {
      result[field] = i18n.t(issue.message, { defaultValue: issue.message });
    }
  }
  return result;
}
