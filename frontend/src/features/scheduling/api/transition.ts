import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { AppointmentView } from '../../../types/api';
import { appointmentsQueryKey } from './list-appointments';

/** POST /api/appointments/{id}/{step} without a body; the shared shape of the state transitions. */
export async function postTransition(id: string, step: string, body?: unknown): Promise<AppointmentView> {
  const { data } = await apiClient.post<AppointmentView>(`/api/appointments/${encodeURIComponent(id)}/${step}`, body);
  return data;
}

/**
 * A mutation that refreshes every appointment list and the queue afterwards, and says what it did in a success toast
 * (`successMessage`, an i18n key: issue 15 item 6).
 */
export function useAppointmentMutation<V>(mutationFn: (variables: V) => Promise<AppointmentView>, successMessage: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { successMessage },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: appointmentsQueryKey }),
  });
}
