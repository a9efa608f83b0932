import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { TimelinePage } from '../../../types/api';
import { timelineKey } from './keys';

/**
 * The entry types the filter offers: every type a TimelineSource on the server produces (Timeline.types(), which the
 * `types` parameter accepts). A reader who may not see a type (imaging studies, AI suggestions) gets none of it.
 */
export const TIMELINE_TYPES = [
  'ENCOUNTER',
  'NOTE',
  'VITALS',
  'DIAGNOSIS',
  'APPOINTMENT',
  'ORDER',
  'RESULT',
  'IMAGING',
  'RADIOLOGY_REPORT',
  'RADIOLOGY_ADDENDUM',
  'AI_SUGGESTION',
] as const;

export interface TimelineParams {
  types: readonly string[];
  /** ISO instants, inclusive / exclusive. */
  from?: string;
  to?: string;
  page: number;
  size: number;
}

/** GET /api/patients/{id}/timeline: everything recorded for a patient, newest first, paginated. */
export async function getTimeline(patientId: string, p: TimelineParams): Promise<TimelinePage> {
  const params = new URLSearchParams({ page: String(p.page), size: String(p.size) });
  if (p.types.length > 0) params.set('types', p.types.join(','));
  if (p.from) params.set('from', p.from);
  if (p.to) params.set('to', p.to);
  const { data } = await apiClient.get<TimelinePage>(`/api/patients/${encodeURIComponent(patientId)}/timeline?${params}`);
  return data;
}

export function useTimeline(patientId: string, params: TimelineParams) {
  return useQuery({
    queryKey: timelineKey(patientId, params),
    queryFn: () => getTimeline(patientId, params),
    placeholderData: keepPreviousData,
  });
}
