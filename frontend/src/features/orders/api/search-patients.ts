import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { PageViewPatientSummaryView } from '../../../types/api';

/** GET /api/patients?q=: pick the patient for an order started from "My orders". */
export async function searchPatients(q: string): Promise<PageViewPatientSummaryView> {
  const { data } = await apiClient.get<PageViewPatientSummaryView>('/api/patients', { params: { q, size: 10 } });
  return data;
}

export const patientSearchQueryOptions = (q: string) =>
  queryOptions({ queryKey: ['patients', 'search', q], queryFn: () => searchPatients(q) });

export function usePatientSearch(q: string) {
  return useQuery({ ...patientSearchQueryOptions(q), enabled: q.trim().length >= 1 });
}
