import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { EncounterDetailView } from '../../../types/api';
import { encounterKey } from './keys';

/** GET /api/encounters/{id}: one encounter with its notes, vitals and diagnoses. */
export async function getEncounter(id: string): Promise<EncounterDetailView> {
  const { data } = await apiClient.get<EncounterDetailView>(`/api/encounters/${encodeURIComponent(id)}`);
  return data;
}

export function useEncounter(id: string, enabled = true) {
  return useQuery({ queryKey: encounterKey(id), queryFn: () => getEncounter(id), enabled: enabled && !!id });
}
