import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { PatientView } from '../../../types/api';

/** GET /api/patients/{id}: whom the order is for (name and MRN in the order entry header). */
export async function getPatient(id: string): Promise<PatientView> {
  const { data } = await apiClient.get<PatientView>(`/api/patients/${encodeURIComponent(id)}`);
  return data;
}

export const patientQueryOptions = (id: string) => queryOptions({ queryKey: ['patients', id], queryFn: () => getPatient(id) });

export function usePatient(id: string | undefined) {
  return useQuery({ ...patientQueryOptions(id ?? ''), enabled: Boolean(id) });
}
