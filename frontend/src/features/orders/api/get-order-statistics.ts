import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { compactParams } from '../../../lib/query-params';
import type { OrderStatisticsView } from '../../../types/api';
import { ordersQueryKey } from './order-keys';

/** GET /api/ocs/orders/statistics?from&to: counts, overdue, orders per day and turnaround per type. */
export async function getOrderStatistics(range: { from?: string; to?: string }): Promise<OrderStatisticsView> {
  const { data } = await apiClient.get<OrderStatisticsView>('/api/ocs/orders/statistics', { params: compactParams({ ...range }) });
  return data;
}

export const orderStatisticsQueryOptions = (range: { from?: string; to?: string }) =>
  queryOptions({ queryKey: [...ordersQueryKey, 'statistics', range], queryFn: () => getOrderStatistics(range) });

export function useOrderStatistics(range: { from?: string; to?: string }) {
  return useQuery(orderStatisticsQueryOptions(range));
}
