import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { EncounterDetailView } from '../../../types/api';
import { recordsKey } from './keys';

/** POST /api/encounters/{id}/finish (a walk-in; appointment visits finish when the appointment completes). */
export async function finishEncounter(id: string): Promise<EncounterDetailView> {
  const { data } = await apiClient.post<EncounterDetailView>(`/api/encounters/${encodeURIComponent(id)}/finish`);
  return data;
}

export function useFinishEncounter() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: finishEncounter, onSettled: () => void queryClient.invalidateQueries({ queryKey: recordsKey }) });
}
