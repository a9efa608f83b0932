import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { NoteDraftRequest, NoteDraftView } from '../../../types/api';
import { noteDraftKey } from './keys';

/** GET /api/encounters/{id}/note-draft: the doctor's autosaved draft of the visit's note, or null (204). */
export async function getNoteDraft(encounterId: string): Promise<NoteDraftView | null> {
  const response = await apiClient.get<NoteDraftView | ''>(`/api/encounters/${encodeURIComponent(encounterId)}/note-draft`);
  return response.status === 204 || !response.data ? null : response.data;
}

export function useNoteDraft(encounterId: string, enabled: boolean) {
  return useQuery({ queryKey: noteDraftKey(encounterId), queryFn: () => getNoteDraft(encounterId), enabled, staleTime: Infinity });
}

/** PUT (the text as typed) or DELETE (nothing left to keep) the draft. */
export async function putNoteDraft({ encounterId, draft }: { encounterId: string; draft: NoteDraftRequest | null }): Promise<NoteDraftView | null> {
  const url = `/api/encounters/${encodeURIComponent(encounterId)}/note-draft`;
  if (draft === null) {
    await apiClient.delete(url);
    return null;
  }
  const { data } = await apiClient.put<NoteDraftView>(url, draft);
  return data;
}

export function useSaveNoteDraft(encounterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putNoteDraft,
    onSuccess: (saved) => queryClient.setQueryData(noteDraftKey(encounterId), saved),
  });
}
