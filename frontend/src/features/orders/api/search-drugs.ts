import { apiClient } from '../../../lib/api-client';
import type { DrugSuggestion } from '../../../types/api';

/** GET /api/medsafety/drugs?q=: orderable products by Korean, English or brand name (for the drug autocomplete). */
export async function searchDrugs(q: string): Promise<DrugSuggestion[]> {
  const { data } = await apiClient.get<DrugSuggestion[]>('/api/medsafety/drugs', { params: { q } });
  return data;
}
