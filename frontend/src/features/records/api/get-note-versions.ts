import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { NoteVersionView } from '../../../types/api';
import { noteVersionsKey } from './keys';

/** GET /api/encounters/{id}/notes/{noteId}/versions: every version of a note, the original first. */
export async function getNoteVersions(encounterId: string, noteId: string): Promise<NoteVersionView[]> {
  const { data } = await apiClient.get<NoteVersionView[]>(
    `/api/encounters/${encodeURIComponent(encounterId)}/notes/${encodeURIComponent(noteId)}/versions`,
  );
  return data;
}

export function useNoteVersions(encounterId: string, noteId: string, enabled: boolean) {
  return useQuery({
    queryKey: noteVersionsKey(noteId),
    queryFn: () => getNoteVersions(encounterId, noteId),
    enabled: enabled && !!encounterId && !!noteId,
  });
}
