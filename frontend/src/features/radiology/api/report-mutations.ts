import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { ReportView } from '../../../types/api';
import type { DraftPayload } from '../lib/report-form';
import { risQueryKey } from './ris-keys';

/** POST /api/ris/reports: creates (first save) or updates the draft at the version the radiologist saw. */
export async function saveDraft(payload: DraftPayload): Promise<ReportView> {
  const { data } = await apiClient.post<ReportView>('/api/ris/reports', payload);
  return data;
}

/** POST /api/ris/reports/{id}/sign: signs the draft; the order is completed and the orderer notified. */
export async function signReport(input: { id: string; version: number }): Promise<ReportView> {
  const { data } = await apiClient.post<ReportView>(`/api/ris/reports/${input.id}/sign`, { version: input.version });
  return data;
}

/** POST /api/ris/reports/{id}/addenda: appends a signed addendum. */
export async function addAddendum(input: { id: string; body: string; critical: boolean }): Promise<ReportView> {
  const { data } = await apiClient.post<ReportView>(`/api/ris/reports/${input.id}/addenda`, {
    body: input.body,
    critical: input.critical,
  });
  return data;
}

/** The image on the reading screen: its study, series and position in the series (0-based, instance-number order). */
export interface KeyImageInput {
  studyId: string;
  seriesInstanceUid: string;
  instanceIndex: number;
}

/** POST /api/ris/reports/{id}/key-images: marks a key image on the draft (fixed once signed). */
export async function addKeyImage(input: { id: string; image: KeyImageInput }): Promise<ReportView> {
  const { data } = await apiClient.post<ReportView>(`/api/ris/reports/${input.id}/key-images`, input.image);
  return data;
}

/** DELETE /api/ris/reports/{id}/key-images/{keyImageId}: removes a key image from the draft. */
export async function removeKeyImage(input: { id: string; keyImageId: string }): Promise<ReportView> {
  const { data } = await apiClient.delete<ReportView>(`/api/ris/reports/${input.id}/key-images/${input.keyImageId}`);
  return data;
}

function useRisMutation<I>(fn: (input: I) => Promise<ReportView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...risQueryKey] }),
  });
}

export const useSaveDraft = () => useRisMutation(saveDraft);
export const useSignReport = () => useRisMutation(signReport);
export const useAddAddendum = () => useRisMutation(addAddendum);
export const useAddKeyImage = () => useRisMutation(addKeyImage);
export const useRemoveKeyImage = () => useRisMutation(removeKeyImage);
