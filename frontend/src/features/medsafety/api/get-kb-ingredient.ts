import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { AlertSeverity, KbIngredient } from '../../../types/api';

export interface KbIngredientParams {
  severity?: AlertSeverity;
  source?: string;
  page: number;
  size: number;
}

/**
 * GET /api/medsafety/ingredients/{drugbankId}: the ingredient with its classes and groups and one page of its
 * interactions (most severe first), optionally filtered by severity and source.
 */
export async function getKbIngredient(id: string, params: KbIngredientParams): Promise<KbIngredient> {
  const { data } = await apiClient.get<KbIngredient>(`/api/medsafety/ingredients/${encodeURIComponent(id)}`, {
    params: { severity: params.severity || undefined, source: params.source || undefined, page: params.page, size: params.size },
  });
  return data;
}

export const kbIngredientQueryOptions = (id: string, params: KbIngredientParams) =>
  queryOptions({
    queryKey: ['medsafety', 'ingredient', id, params],
    queryFn: () => getKbIngredient(id, params),
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });

export function useKbIngredient(id: string | undefined, params: KbIngredientParams) {
  return useQuery({ ...kbIngredientQueryOptions(id ?? '', params), enabled: Boolean(id) });
}
