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
