import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { OverrideStat } from '../../../types/api';

/** GET /api/admin/medsafety/override-stats: per rule, shown/overridden counts, rate, top reasons, flag (ADMIN). */
export async function listOverrideStats(): Promise<OverrideStat[]> {
  const { data } = await apiClient.get<OverrideStat[]>('/api/admin/medsafety/override-stats');
  return data;
}

export const overrideStatsQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'medsafety', 'override-stats'], queryFn: listOverrideStats });

export function useOverrideStats() {
  return useQuery(overrideStatsQueryOptions());
}
