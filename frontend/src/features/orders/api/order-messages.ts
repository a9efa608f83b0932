import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { CancelOrderRequest, OrderMessageView } from '../../../types/api';
import { ordersQueryKey } from './order-keys';
import { orderUrl, postOrderAction, useOrderMutation } from './order-mutation';

/** GET /api/ocs/orders/{id}/messages: the thread between the department and the prescriber, oldest first. */
export function useOrderMessages(id: string) {
  return useQuery({
    queryKey: ['orders', 'messages', id],
    queryFn: async () => (await apiClient.get<OrderMessageView[]>(orderUrl(id, 'messages'))).data,
    enabled: Boolean(id),
  });
}

/** POST /api/ocs/orders/{id}/messages: a query to the prescriber (department) or an answer (prescriber). */
export function usePostOrderMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: string) => (await apiClient.post<OrderMessageView>(orderUrl(id, 'messages'), { body })).data,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['orders', 'messages', id] });
      void queryClient.invalidateQueries({ queryKey: ordersQueryKey });
    },
  });
}

/** POST /api/ocs/orders/{id}/return: the verifying department returns the order to its prescriber, with a reason. */
export function returnOrder({ id, body, key }: { id: string; body: CancelOrderRequest; key: string }) {
  return postOrderAction(orderUrl(id, 'return'), body, key);
}

export function useReturnOrder() {
  return useOrderMutation(returnOrder, { successMessage: 'toast.orderReturned' });
}
