import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { PageViewPatientSummaryView } from '../../../types/api';

/** GET /api/patients?q= : the first few matches, for the booking dialog's patient picker. */
export async function findPatients(q: string): Promise<PageViewPatientSummaryView> {
  const { data } = await apiClient.get<PageViewPatientSummaryView>('/api/patients', { params: { q, size: 10 } });
  return data;
}

export const patientPickerQueryOptions = (q: string) =>
  queryOptions({ queryKey: ['patients', 'picker', q], queryFn: () => findPatients(q) });

export function usePatientPicker(q: string) {
  return useQuery({ ...patientPickerQueryOptions(q), enabled: q.trim().length >= 1 });
}
