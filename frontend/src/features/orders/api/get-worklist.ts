import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { compactParams } from '../../../lib/query-params';
import type { PageViewOrderView } from '../../../types/api';
import { ordersQueryKey } from './order-keys';

export interface WorklistSearch {
  /** A department id; absent: the user's own (first) department. */
  department?: string;
  includeCompleted?: boolean;
  /** 0-based. */
  page?: number;
  /** Rows per page; absent: the server's 50. */
  size?: number;
}

/**
 * GET /api/ocs/orders/worklist: a department's sent and in-progress orders, most urgent first, then by due time.
 * No polling: the `order` push refetches it.
 */
export async function getWorklist(search: WorklistSearch): Promise<PageViewOrderView> {
  const { data } = await apiClient.get<PageViewOrderView>('/api/ocs/orders/worklist', {
    params: compactParams({ ...search, includeCompleted: search.includeCompleted || undefined }),
  });
  return data;
}

export const worklistQueryOptions = (search: WorklistSearch) =>
  queryOptions({ queryKey: [...ordersQueryKey, 'worklist', search], queryFn: () => getWorklist(search) });

export function useWorklist(search: WorklistSearch) {
  return useQuery(worklistQueryOptions(search));
}
