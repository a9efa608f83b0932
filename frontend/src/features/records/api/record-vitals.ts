import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { RecordVitalsRequest, VitalsView } from '../../../types/api';
import { recordsKey } from './keys';

/** POST /api/encounters/{id}/vitals: the server checks ranges (400 with pointers) and computes the BMI. */
export async function recordVitals({ encounterId, body }: { encounterId: string; body: RecordVitalsRequest }): Promise<VitalsView> {
  const { data } = await apiClient.post<VitalsView>(`/api/encounters/${encodeURIComponent(encounterId)}/vitals`, body);
  return data;
}

export function useRecordVitals() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recordVitals, meta: { successMessage: 'toast.vitalsRecorded' }, onSettled: () => void queryClient.invalidateQueries({ queryKey: recordsKey }) });
}
