import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { KbInfo } from '../../../types/api';

/** GET /api/medsafety/kb: version, sources and rule counts of the knowledge base. */
export async function getKb(): Promise<KbInfo> {
  const { data } = await apiClient.get<KbInfo>('/api/medsafety/kb');
  return data;
}

export const kbQueryOptions = () => queryOptions({ queryKey: ['medsafety', 'kb'], queryFn: getKb, staleTime: 10 * 60_000 });

export function useKb() {
  return useQuery(kbQueryOptions());
}
