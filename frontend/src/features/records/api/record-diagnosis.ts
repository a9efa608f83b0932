import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import type { DiagnosisView } from '../../../types/api';
import { recordsKey } from './keys';

/** KCD-8 / ICD-10 code, as the server checks it. */
export const diagnosisSchema = z.object({
  code: z.string().trim().min(1, 'validation.required').regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/, 'records.diagnosis.badCode'),
  description: z.string().trim().min(1, 'validation.required').max(300, 'records.tooLong'),
  primary: z.boolean(),
});
export type DiagnosisForm = z.infer<typeof diagnosisSchema>;

/** POST /api/encounters/{id}/diagnoses */
export async function recordDiagnosis({ encounterId, body }: { encounterId: string; body: DiagnosisForm }): Promise<DiagnosisView> {
  const { data } = await apiClient.post<DiagnosisView>(`/api/encounters/${encodeURIComponent(encounterId)}/diagnoses`, body);
  return data;
}

export function useRecordDiagnosis() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recordDiagnosis, meta: { successMessage: 'toast.diagnosisRecorded' }, onSettled: () => void queryClient.invalidateQueries({ queryKey: recordsKey }) });
}
