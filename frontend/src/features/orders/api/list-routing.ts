import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { RoutingView } from '../../../types/api';

export const routingQueryKey = ['ocs-routing'] as const;

/** GET /api/admin/ocs/routing: which department carries out each order type. */
export async function listRouting(): Promise<RoutingView[]> {
  const { data } = await apiClient.get<RoutingView[]>('/api/admin/ocs/routing');
  return data;
}

export const routingQueryOptions = () => queryOptions({ queryKey: routingQueryKey, queryFn: listRouting });

export function useRouting() {
  return useQuery(routingQueryOptions());
}
