import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { StudyView } from '../../../types/api';

export const imagingKeys = {
  patient: (patientId: string) => ['imaging', 'patient', patientId] as const,
  study: (id: string) => ['imaging', 'study', id] as const,
};

/** GET /api/imaging/studies?patientId=: the patient's linked studies with their series and preview URLs. */
export function usePatientStudies(patientId: string) {
  return useQuery({
    queryKey: imagingKeys.patient(patientId),
    queryFn: async () => (await apiClient.get<StudyView[]>('/api/imaging/studies', { params: { patientId } })).data,
    enabled: Boolean(patientId),
  });
}

/** GET /api/imaging/studies/{id}: one study with each series' instances (audited as opened). */
export function useStudy(id: string) {
  return useQuery({
    queryKey: imagingKeys.study(id),
    queryFn: async () => (await apiClient.get<StudyView>(`/api/imaging/studies/${encodeURIComponent(id)}`)).data,
    enabled: Boolean(id),
  });
}

/** POST /api/imaging/studies/{id}/link: link a study whose DICOM patient did not match to this patient anyway. */
export function useLinkStudy(patientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ studyId, reason }: { studyId: string; reason: string }) =>
      (await apiClient.post<StudyView>(`/api/imaging/studies/${encodeURIComponent(studyId)}/link`, { patientId, reason }))
        .data,
    onSuccess: () => client.invalidateQueries({ queryKey: imagingKeys.patient(patientId) }),
  });
}
