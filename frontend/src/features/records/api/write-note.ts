import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import type { NoteView } from '../../../types/api';
import { recordsKey } from './keys';

/** Mirrors the server: each part at most 10 000 characters, at least one part written. */
export const NOTE_PART_MAX = 10_000;
const part = z.string().max(NOTE_PART_MAX, 'records.tooLong');
export const noteSchema = z
  .object({ subjective: part, objective: part, assessment: part, plan: part })
  .refine((n) => Object.values(n).some((v) => v.trim() !== ''), { message: 'records.note.empty', path: ['assessment'] });
export type NoteForm = z.infer<typeof noteSchema>;

/** Mirrors the server: the reason for an amendment, at most 500 characters (required of a doctor who did not write the note). */
export const AMEND_REASON_MAX = 500;

/**
 * POST /api/encounters/{id}/notes, or PUT …/notes/{noteId} with the version read (409 if someone amended it since):
 * an amendment adds the note's next version, the earlier ones stay readable in its history.
 */
export async function saveNote({
  encounterId,
  noteId,
  version,
  note,
  reason,
}: {
  encounterId: string;
  noteId?: string;
  version?: number;
  note: NoteForm;
  reason?: string;
}): Promise<NoteView> {
  const base = `/api/encounters/${encodeURIComponent(encounterId)}/notes`;
  const trimmed = reason?.trim();
  const { data } = noteId
    ? await apiClient.put<NoteView>(`${base}/${encodeURIComponent(noteId)}`, {
        ...note,
        version,
        ...(trimmed ? { reason: trimmed } : {}),
      })
    : await apiClient.post<NoteView>(base, note);
  return data;
}

export function useSaveNote() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveNote, meta: { successMessage: 'toast.noteSaved' }, onSettled: () => void queryClient.invalidateQueries({ queryKey: recordsKey }) });
}
