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

/** POST /api/encounters/{id}/notes, or PUT …/notes/{noteId} with the version read (409 if someone amended it since). */
export async function saveNote({
  encounterId,
  noteId,
  version,
  note,
}: {
  encounterId: string;
  noteId?: string;
  version?: number;
  note: NoteForm;
}): Promise<NoteView> {
  const base = `/api/encounters/${encodeURIComponent(encounterId)}/notes`;
  const { data } = noteId
    ? await apiClient.put<NoteView>(`${base}/${encodeURIComponent(noteId)}`, { ...note, version })
    : await apiClient.post<NoteView>(base, note);
  return data;
}

export function useSaveNote() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveNote, onSettled: () => void queryClient.invalidateQueries({ queryKey: recordsKey }) });
}
