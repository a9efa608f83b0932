import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { KeyImageRequest, ReportView } from '../../../types/api';
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

/**
 * POST /api/ris/reports/{id}/key-images: marks the image on screen as a key image of the draft, by its SOP Instance
 * UID (the same image however the series is later ordered); fixed once signed.
 */
export async function addKeyImage(input: { id: string; image: KeyImageRequest }): Promise<ReportView> {
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

/**
 * POST /api/ocs/orders/{id}/return: radiology discontinues an acquired imaging order with its reason (its prescriber
 * can no longer cancel it, ADR 0041); the order is cancelled and the prescriber told. One key per user action.
 */
export async function discontinueImagingOrder(input: { orderId: string; version?: number; reason: string; key: string }): Promise<void> {
  await apiClient.post(
    `/api/ocs/orders/${encodeURIComponent(input.orderId)}/return`,
    { reason: input.reason, version: input.version },
    { headers: { 'Idempotency-Key': input.key } },
  );
}

/**
 * `onDone` runs here, not in `mutate`'s own callbacks: the refreshed reading screen no longer shows the button that
 * started it, and an unmounted caller's callbacks are dropped.
 */
export function useDiscontinueImagingOrder(onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: discontinueImagingOrder,
    meta: { successMessage: 'radiology.discontinue.done' },
    onSuccess: () => {
      onDone?.();
      // every RIS query (the worklist, the reading screen) and every order view
      void queryClient.invalidateQueries();
    },
  });
}
