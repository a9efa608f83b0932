import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { compactParams } from '../../../lib/query-params';
import type { OrderPriority, OrderStatus, OrderType, PageViewOrderView } from '../../../types/api';
import { ordersQueryKey } from './order-keys';

export interface OrderSearch {
  type?: OrderType;
  status?: OrderStatus;
  priority?: OrderPriority;
  departmentId?: string;
  patientId?: string;
  page?: number;
  size?: number;
}

/** GET /api/ocs/orders: orders the user may see, filtered, newest first. */
export async function listOrders(search: OrderSearch): Promise<PageViewOrderView> {
  const { data } = await apiClient.get<PageViewOrderView>('/api/ocs/orders', { params: compactParams({ ...search }) });
  return data;
}

export const ordersQueryOptions = (search: OrderSearch) =>
  queryOptions({ queryKey: [...ordersQueryKey, 'list', search], queryFn: () => listOrders(search), placeholderData: keepPreviousData });

export function useOrders(search: OrderSearch, enabled = true) {
  return useQuery({ ...ordersQueryOptions(search), enabled });
}
