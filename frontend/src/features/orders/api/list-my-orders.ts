import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { compactParams } from '../../../lib/query-params';
import type { OrderStatus, OrderType, PageViewOrderView } from '../../../types/api';
import { ordersQueryKey } from './order-keys';

export interface MyOrderSearch {
  type?: OrderType;
  status?: OrderStatus;
  patientId?: string;
  page?: number;
  size?: number;
}

/** GET /api/ocs/orders/mine: the signed-in doctor's orders. */
export async function listMyOrders(search: MyOrderSearch): Promise<PageViewOrderView> {
  const { data } = await apiClient.get<PageViewOrderView>('/api/ocs/orders/mine', { params: compactParams({ ...search }) });
  return data;
}

export const myOrdersQueryOptions = (search: MyOrderSearch) =>
  queryOptions({ queryKey: [...ordersQueryKey, 'mine', search], queryFn: () => listMyOrders(search), placeholderData: keepPreviousData });

export function useMyOrders(search: MyOrderSearch, enabled = true) {
  return useQuery({ ...myOrdersQueryOptions(search), enabled });
}
