/** The four SOAP parts as the note form holds them. */
export interface SoapText {
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
}

const PARTS = ['subjective', 'objective', 'assessment', 'plan'] as const;

export const sameText = (a: SoapText, b: SoapText) => PARTS.every((p) => a[p] === b[p]);

/** The parts of a stored note or draft (nulls as empty text). */
export function soapOf(stored: Partial<Record<(typeof PARTS)[number], string | null | undefined>> | null | undefined): SoapText {
  return {
    subjective: stored?.subjective ?? '',
    objective: stored?.objective ?? '',
    assessment: stored?.assessment ?? '',
    plan: stored?.plan ?? '',
  };
}

/**
 * What the autosave does with the text as typed: nothing while it is what the server already holds, delete the
 * draft when the text is back to the saved note's (nothing left to keep), else save it as the draft.
 */
export function draftAction(typed: SoapText, onServer: SoapText, note: SoapText): 'none' | 'save' | 'delete' {
  if (sameText(typed, onServer)) return 'none';
  return sameText(typed, note) ? 'delete' : 'save';
}

/**
 * A draft is restored into the form only for the note and version it was written against (a new note: none). An
 * autosave whose answer arrives after the note was saved holds the version before the save: it is not restored.
 * A draft saved before drafts had a version applies to its note's current one.
 */
export function draftApplies(
  draft: { noteId?: string | null; noteVersion?: number | null } | null | undefined,
  note: { id?: string; version?: number } | undefined,
): boolean {
  if (!draft || (draft.noteId ?? undefined) !== note?.id) return false;
  return note === undefined || draft.noteVersion == null || draft.noteVersion === note.version;
}
