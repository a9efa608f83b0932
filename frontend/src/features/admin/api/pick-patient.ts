import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { PatientSummaryView } from '../../../types/api';

/** GET /api/admin/patients?q=: up to ten patients by name, 초성 or MRN, for the audit viewer's patient filter. */
export async function pickPatients(q: string): Promise<PatientSummaryView[]> {
  const { data } = await apiClient.get<PatientSummaryView[]>('/api/admin/patients', { params: { q } });
  return data;
}

export function usePatientPick(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['admin', 'patients', 'pick', query],
    queryFn: () => pickPatients(query),
    enabled: query.length > 0,
    staleTime: 30_000,
  });
}

/** GET /api/admin/patients/{id}: one patient's header (name, MRN), for the page of a patient's portal account. */
export async function getPatientHeader(id: string): Promise<PatientSummaryView> {
  const { data } = await apiClient.get<PatientSummaryView>(`/api/admin/patients/${encodeURIComponent(id)}`);
  return data;
}

export function usePatientHeader(id: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'patients', 'header', id],
    queryFn: () => getPatientHeader(id ?? ''),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}
