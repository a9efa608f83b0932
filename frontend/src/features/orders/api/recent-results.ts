import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { TimelinePage } from '../../../types/api';

/** How many results the verification view lists. */
export const RECENT_RESULTS = 5;

/**
 * GET /api/patients/{id}/timeline?types=RESULT: the patient's latest completed results (lab flags summarised as
 * CRITICAL / ABNORMAL / NORMAL), for the pharmacist's verification view (issue 15 item 5). The values are on each
 * order's page.
 */
export function useRecentResults(patientId: string) {
  return useQuery({
    queryKey: ['timeline', patientId, 'recent-results'],
    queryFn: async () =>
      (
        await apiClient.get<TimelinePage>(`/api/patients/${encodeURIComponent(patientId)}/timeline`, {
          params: { types: 'RESULT', page: 0, size: RECENT_RESULTS },
        })
      ).data,
  });
}
