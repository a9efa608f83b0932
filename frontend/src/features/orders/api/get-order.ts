import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { OrderDetailView } from '../../../types/api';
import { ordersQueryKey } from './order-keys';

/** GET /api/ocs/orders/{id}: the order with payload, timeline, results, dispenses and overrides. */
export async function getOrder(id: string): Promise<OrderDetailView> {
  const { data } = await apiClient.get<OrderDetailView>(`/api/ocs/orders/${encodeURIComponent(id)}`);
  return data;
}

export const orderQueryOptions = (id: string) =>
  queryOptions({ queryKey: [...ordersQueryKey, 'detail', id], queryFn: () => getOrder(id), enabled: Boolean(id) });

export function useOrder(id: string) {
  return useQuery(orderQueryOptions(id));
}
