import type { TFunction } from 'i18next';
import { toApiProblem } from './api-client';

/**
 * What to tell the user about a failed request: the server's `detail` (already in the
 * request's language) or else a translated text for the problem code.
 */
export function problemMessage(error: unknown, t: TFunction): string {
  const problem = toApiProblem(error);
  if (problem.detail) return problem.detail;
  return t(`problems.${problem.code}`, { defaultValue: t('problems.generic') });
}
