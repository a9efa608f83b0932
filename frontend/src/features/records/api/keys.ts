/** Query keys of the records feature; every mutation invalidates `recordsKey`. */
export const recordsKey = ['records'] as const;
export const encountersKey = (patientId: string) => ['records', 'encounters', patientId] as const;
export const encounterKey = (id: string) => ['records', 'encounter', id] as const;
export const timelineKey = (patientId: string, params: object) => ['records', 'timeline', patientId, params] as const;
export const noteVersionsKey = (noteId: string) => ['records', 'note-versions', noteId] as const;
export const noteDraftKey = (encounterId: string) => ['records', 'note-draft', encounterId] as const;
