import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { PatientChangeView } from '../../../types/api';

/** GET /api/patients/{id}/history: who changed which fields, newest first (no values). */
export async function getPatientHistory(id: string): Promise<PatientChangeView[]> {
  const { data } = await apiClient.get<PatientChangeView[]>(`/api/patients/${encodeURIComponent(id)}/history`);
  return data;
}

export function usePatientHistory(id: string, enabled = true) {
  return useQuery({ queryKey: ['patients', 'history', id], queryFn: () => getPatientHistory(id), enabled });
}
