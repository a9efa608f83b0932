import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { OrderType, RoutingView } from '../../../types/api';
import { routingQueryKey } from './list-routing';

/** PUT /api/admin/ocs/routing/{type}: send new orders of this type to another department. */
export async function updateRouting({ type, departmentId }: { type: OrderType; departmentId: string }): Promise<RoutingView> {
  const { data } = await apiClient.put<RoutingView>(`/api/admin/ocs/routing/${type}`, { departmentId });
  return data;
}

export function useUpdateRouting() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateRouting, onSettled: () => void queryClient.invalidateQueries({ queryKey: routingQueryKey }) });
}
