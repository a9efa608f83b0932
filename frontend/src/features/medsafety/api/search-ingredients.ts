import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { DrugSuggestion } from '../../../types/api';

/** GET /api/medsafety/ingredients?q= : KB browser autocomplete (Korean, English, brand), for any staff member. */
export async function searchIngredients(q: string): Promise<DrugSuggestion[]> {
  const { data } = await apiClient.get<DrugSuggestion[]>('/api/medsafety/ingredients', { params: { q } });
  return data;
}

export const ingredientSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['medsafety', 'ingredients', q],
    queryFn: () => searchIngredients(q),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });

export function useIngredientSearch(q: string) {
  return useQuery({ ...ingredientSearchQueryOptions(q), enabled: q.trim().length >= 2 });
}
