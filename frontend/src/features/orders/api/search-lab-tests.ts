import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { LabTestView } from '../../../types/api';

/** GET /api/ocs/lab-tests?q=: the lab catalogue (tests and panels with LOINC, specimen, unit and ranges). */
export async function searchLabTests(q: string): Promise<LabTestView[]> {
  const { data } = await apiClient.get<LabTestView[]>('/api/ocs/lab-tests', { params: { q } });
  return data;
}

export const labTestsQueryOptions = (q: string) =>
  queryOptions({ queryKey: ['lab-tests', q], queryFn: () => searchLabTests(q), staleTime: 30 * 60_000, placeholderData: keepPreviousData });

/** The catalogue, filtered by `q` (the whole catalogue for an empty `q`). */
export function useLabTests(q = '') {
  return useQuery(labTestsQueryOptions(q));
}
