import { useCallback, useEffect, useRef, useState } from 'react';
import { useSaveNoteDraft } from '../api/note-draft';
import { draftAction, type SoapText } from '../lib/note-draft';

/** Waits this long after the last keystroke before the draft is saved. */
export const AUTOSAVE_MS = 800;

interface Autosave {
  /** The text the server holds as the draft (or the note's, when there is no draft). */
  onServer: SoapText;
  /** When the draft on the server was saved. */
  savedAt: string | undefined;
  saving: boolean;
  failed: boolean;
  /**
   * The note is about to be saved: cancels a debounced autosave now (and none starts while `paused`). One already
   * sent is refused by the server once the note is saved (ADR 0033: a draft of a version that is no longer the
   * note's current one) and not restored by the form (`draftApplies`).
   */
  stop: () => void;
}

/**
 * Autosaves the visit note's text as the doctor's draft (ADR 0033) once typing pauses: saves it while it differs
 * from what the server holds, deletes the draft when the text is back to the saved note's. The draft names the note
 * and the version it amends, so that the server refuses an autosave that crossed the note's save.
 */
export function useNoteAutosave(
  encounterId: string,
  note: { id?: string; version?: number } | undefined,
  noteText: SoapText,
  form: SoapText,
  draft: { text: SoapText; savedAt?: string } | undefined,
  /** The note is being saved or was saved: no autosave. */
  paused: boolean,
): Autosave {
  const saveDraft = useSaveNoteDraft(encounterId);
  const [onServer, setOnServer] = useState<SoapText>(() => draft?.text ?? noteText);
  const [savedAt, setSavedAt] = useState<string | undefined>(draft?.savedAt);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { mutate } = saveDraft;
  const noteId = note?.id;
  const noteVersion = note?.version;
  const action = draftAction(form, onServer, noteText);

  useEffect(() => {
    if (action === 'none' || paused) return;
    const typed = form;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      mutate(
        { encounterId, draft: action === 'delete' ? null : { noteId, noteVersion, ...typed } },
        {
          onSuccess: (saved) => {
            setOnServer(typed);
            setSavedAt(saved?.savedAt);
          },
        },
      );
    }, AUTOSAVE_MS);
    return () => {
      clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [action, form, paused, encounterId, noteId, noteVersion, mutate]);

  const stop = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
  }, []);

  return { onServer, savedAt, saving: saveDraft.isPending, failed: saveDraft.isError, stop };
}
