import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { DrugSuggestion } from '../../../types/api';

/** GET /api/medsafety/drugs?q= : autocomplete over Korean, English and brand names. */
export async function searchDrugs(q: string): Promise<DrugSuggestion[]> {
  const { data } = await apiClient.get<DrugSuggestion[]>('/api/medsafety/drugs', { params: { q } });
  return data;
}

export const drugSearchQueryOptions = (q: string) =>
  queryOptions({ queryKey: ['medsafety', 'drugs', q], queryFn: () => searchDrugs(q), staleTime: 5 * 60_000, placeholderData: keepPreviousData });

export function useDrugSearch(q: string) {
  return useQuery({ ...drugSearchQueryOptions(q), enabled: q.trim().length >= 2 });
}
