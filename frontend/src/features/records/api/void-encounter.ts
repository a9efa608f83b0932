import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import type { EncounterDetailView, VoidEncounterRequest } from '../../../types/api';
import { recordsKey } from './keys';

/** Mirrors the server: a reason is required, at most 500 characters. */
export const voidEncounterSchema = z.object({
  reason: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
}) satisfies z.ZodType<VoidEncounterRequest>;

/**
 * POST /api/encounters/{id}/void {reason} (doctors): marks an open or finished visit as entered in error; what was
 * recorded in it stays, nothing more can be. 409 when it is voided already.
 */
export async function voidEncounter({ id, reason }: { id: string } & VoidEncounterRequest): Promise<EncounterDetailView> {
  const { data } = await apiClient.post<EncounterDetailView>(`/api/encounters/${encodeURIComponent(id)}/void`, {
    reason,
  } satisfies VoidEncounterRequest);
  return data;
}

export function useVoidEncounter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: voidEncounter,
    meta: { successMessage: 'toast.encounterVoided' },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: recordsKey }),
  });
}
