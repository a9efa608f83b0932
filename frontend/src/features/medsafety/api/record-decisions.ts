import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import type { AlertDecisionRequest, AlertDecisionResult } from '../../../types/api';
import { OVERRIDE_REASONS } from '../../../components/safety/severity';

/** Mirrors AlertDecisionRequest's shape; the server enforces reason/comment per tier (422 with pointers). */
export const alertDecisionSchema = z.object({
  checkId: z.guid(),
  decisions: z
    .array(
      z.object({
        ruleId: z.string().min(1).max(120),
        action: z.enum(['ACCEPTED', 'OVERRIDDEN']),
        reasonCode: z.enum(OVERRIDE_REASONS).optional(),
        comment: z.string().max(1000).optional(),
      }),
    )
    .min(1)
    .max(100),
}) satisfies z.ZodType<AlertDecisionRequest>;

/** POST /api/medsafety/decisions: the clinician's decision (heeded or overridden) on the alerts of a check. */
export async function recordDecisions(request: AlertDecisionRequest): Promise<AlertDecisionResult> {
  const { data } = await apiClient.post<AlertDecisionResult>('/api/medsafety/decisions', request);
  return data;
}

export function useRecordDecisions() {
  return useMutation({ mutationFn: recordDecisions });
}
