import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { AppointmentView } from '../../../types/api';
import { appointmentsQueryKey } from './list-appointments';

/** POST /api/appointments/{id}/{step} without a body; the shared shape of the state transitions. */
export async function postTransition(id: string, step: string, body?: unknown): Promise<AppointmentView> {
  const { data } = await apiClient.post<AppointmentView>(`/api/appointments/${encodeURIComponent(id)}/${step}`, body);
  return data;
}

/** A mutation that refreshes every appointment list and the queue afterwards. */
export function useAppointmentMutation<V>(mutationFn: (variables: V) => Promise<AppointmentView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
