import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { EncounterDetailView, OpenEncounterRequest } from '../../../types/api';
import { recordsKey } from './keys';

/** POST /api/patients/{id}/encounters: opens an encounter; for an appointment, returns the existing one if any. */
export async function openEncounter({ patientId, body }: { patientId: string; body: OpenEncounterRequest }): Promise<EncounterDetailView> {
  const { data } = await apiClient.post<EncounterDetailView>(`/api/patients/${encodeURIComponent(patientId)}/encounters`, body);
  return data;
}

export function useOpenEncounter() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: openEncounter, onSettled: () => void queryClient.invalidateQueries({ queryKey: recordsKey }) });
}
