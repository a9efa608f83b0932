import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { ReferenceSetReport } from '../../../types/api';

/** GET /api/medsafety/kb/reference-set: the published reference set measured on the knowledge base in use. */
export async function getKbReferenceSet(): Promise<ReferenceSetReport> {
  const { data } = await apiClient.get<ReferenceSetReport>('/api/medsafety/kb/reference-set');
  return data;
}

export const kbReferenceSetQueryOptions = () =>
  queryOptions({ queryKey: ['medsafety', 'kb', 'reference-set'], queryFn: getKbReferenceSet, staleTime: 10 * 60_000 });

export function useKbReferenceSet() {
  return useQuery(kbReferenceSetQueryOptions());
}
