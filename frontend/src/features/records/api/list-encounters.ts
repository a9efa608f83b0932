import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { EncounterView } from '../../../types/api';
import { encountersKey } from './keys';

/** GET /api/patients/{id}/encounters: the visit history, newest first, with diagnoses. */
export async function listEncounters(patientId: string): Promise<EncounterView[]> {
  const { data } = await apiClient.get<EncounterView[]>(`/api/patients/${encodeURIComponent(patientId)}/encounters`);
  return data;
}

export function useEncounters(patientId: string) {
  return useQuery({ queryKey: encountersKey(patientId), queryFn: () => listEncounters(patientId), enabled: !!patientId });
}
