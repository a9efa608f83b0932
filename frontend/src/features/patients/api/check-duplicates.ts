import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { DuplicateCheckRequest, DuplicateMatch, DuplicatePair, MergeRequest, PatientSummaryView, PatientView } from '../../../types/api';

/** Why a record was offered as the same person (PatientDuplicates.MatchReason). */
export const MATCH_REASONS = ['RRN', 'NAME_BIRTH_DATE', 'PHONE_BIRTH_DATE'] as const;

/**
 * POST /api/patients/duplicates/check: the active records that may be the person about to be registered
 * (same number, same name + birth date, same phone + birth date). POST so that the number never goes into a URL.
 */
export async function checkDuplicates(body: DuplicateCheckRequest): Promise<DuplicateMatch[]> {
  const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== '' && v !== undefined));
  const { data } = await apiClient.post<DuplicateMatch[]>('/api/patients/duplicates/check', clean);
  return data;
}

/** GET /api/patients/{id}/merged: the records merged into this chart. */
export function useMergedRecords(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['patients', 'merged', id],
    enabled,
    queryFn: async () => (await apiClient.get<PatientSummaryView[]>(`/api/patients/${encodeURIComponent(id)}/merged`)).data,
  });
}

/** GET /api/admin/patient-duplicates: likely duplicates (administrators). */
export function usePatientDuplicates() {
  return useQuery({
    queryKey: ['patients', 'duplicates'],
    queryFn: async () => (await apiClient.get<DuplicatePair[]>('/api/admin/patient-duplicates')).data,
  });
}

/** POST /api/admin/patient-duplicates/merge: merges one record into the other (audited). */
export function useMergePatients() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { successMessage: 'toast.patientsMerged' },
    mutationFn: async (body: MergeRequest) => (await apiClient.post<PatientView>('/api/admin/patient-duplicates/merge', body)).data,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['patients'] }),
  });
}
