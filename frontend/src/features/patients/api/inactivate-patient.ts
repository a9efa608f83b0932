import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { PatientView } from '../../../types/api';

/** POST /api/patients/{id}/inactivate {reason}: the record stays, marked inactive (409 when it already is). */
export async function inactivatePatient({ id, reason }: { id: string; reason: string }): Promise<PatientView> {
  const { data } = await apiClient.post<PatientView>(`/api/patients/${encodeURIComponent(id)}/inactivate`, { reason });
  return data;
}

export function useInactivatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inactivatePatient,
    meta: { successMessage: 'toast.patientInactivated' },
    onSuccess: (patient, { id }) => {
      queryClient.setQueryData(['patients', 'detail', id], patient);
      void queryClient.invalidateQueries({ queryKey: ['patients', 'history', id] });
    },
  });
}
