import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { recordsKey } from './keys';

/**
 * POST /api/appointments/{id}/complete: completes the visit's appointment, which finishes its encounter on the
 * server. Called here rather than through the scheduling feature (features never import each other).
 */
export async function completeVisit(appointmentId: string): Promise<void> {
  await apiClient.post(`/api/appointments/${encodeURIComponent(appointmentId)}/complete`);
}

export function useCompleteVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeVisit,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: recordsKey });
      void queryClient.invalidateQueries({ queryKey: ['appointments'] });
    },
  });
}
