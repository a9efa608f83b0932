import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import type { PageViewPatientSummaryView } from '../../../types/api';

/** How many suggestions the header box shows. */
export const SUGGESTION_COUNT = 8;

/** A query worth sending: trimmed, at least one character (a single 초성 is a valid start). */
export const suggestQuerySchema = z.string().trim().min(1).max(100);

/** GET /api/patients?q=&size=8: the best-ranked matches for the header search box (registry readers). */
export async function suggestPatients(q: string): Promise<PageViewPatientSummaryView> {
  const { data } = await apiClient.get<PageViewPatientSummaryView>('/api/patients', {
    params: { q, size: SUGGESTION_COUNT },
  });
  return data;
}

export const patientSuggestionsQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['patients', 'suggest', q],
    queryFn: () => suggestPatients(q),
    staleTime: 30_000,
  });

/** Suggestions for an already debounced query; idle while the query is empty. */
export function usePatientSuggestions(q: string) {
  const parsed = suggestQuerySchema.safeParse(q);
  const query = parsed.success ? parsed.data : '';
  return useQuery({ ...patientSuggestionsQueryOptions(query), enabled: parsed.success });
}
