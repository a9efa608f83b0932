import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { PageViewWorklistItemView } from '../../../types/api';
import { risQueryKey } from './ris-keys';

/** How often the worklist refetches by itself, besides the `order` push (a study acquired, a report signed). */
export const WORKLIST_POLL_MS = 30_000;

/** GET /api/ris/worklist: acquired studies awaiting their report, most urgent first, then the longest waiting. */
export async function getRisWorklist(page: number): Promise<PageViewWorklistItemView> {
  const { data } = await apiClient.get<PageViewWorklistItemView>('/api/ris/worklist', { params: { page, size: 20 } });
  return data;
}

export const risWorklistQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...risQueryKey, 'worklist', page],
    queryFn: () => getRisWorklist(page),
    refetchInterval: WORKLIST_POLL_MS,
  });

export function useRisWorklist(page: number) {
  return useQuery(risWorklistQueryOptions(page));
}
