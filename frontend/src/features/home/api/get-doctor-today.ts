import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { AppointmentView, OrderStatus, PageViewOrderView } from '../../../types/api';

/**
 * The reads behind a doctor's home (issue 15 item 6). Same endpoints and query keys as the scheduling and order
 * features (features do not import each other), so that their mutations refresh the home page too.
 */
export function useTodayAppointments(date: string, doctorId: string) {
  const search = { date, doctorId };
  return useQuery({
    queryKey: ['appointments', 'list', search],
    queryFn: async () => (await apiClient.get<AppointmentView[]>('/api/appointments', { params: search })).data,
  });
}

/** GET /api/ocs/orders/mine?status=: the signed-in doctor's orders in one state, newest first. */
export function useMyOrdersIn(status: OrderStatus, size: number) {
  const search = { status, size };
  return useQuery({
    queryKey: ['orders', 'mine', search],
    queryFn: async () => (await apiClient.get<PageViewOrderView>('/api/ocs/orders/mine', { params: search })).data,
  });
}
