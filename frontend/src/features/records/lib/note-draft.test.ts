import { describe, expect, it } from 'vitest';
import { draftAction, draftApplies, soapOf } from './note-draft';

const note = soapOf({ subjective: 'cough' });

describe('draftAction', () => {
  it('does nothing while the server holds what was typed', () => {
    expect(draftAction(soapOf({ subjective: 'cough, fever' }), soapOf({ subjective: 'cough, fever' }), note)).toBe('none');
  });
  it('saves new text as the draft', () => {
    expect(draftAction(soapOf({ subjective: 'cough, fever' }), note, note)).toBe('save');
  });
  it('deletes the draft when the text is back to the saved note', () => {
    expect(draftAction(note, soapOf({ subjective: 'cough, fever' }), note)).toBe('delete');
  });
});

describe('draftApplies', () => {
  it('restores a draft only into the note it was written against', () => {
    expect(draftApplies({ noteId: null }, undefined)).toBe(true);
    expect(draftApplies({ noteId: 'n1', noteVersion: 0 }, { id: 'n1', version: 0 })).toBe(true);
    expect(draftApplies({ noteId: null }, { id: 'n1', version: 0 })).toBe(false);
    expect(draftApplies(null, undefined)).toBe(false);
  });
  it('does not restore an autosave of the version before the note was saved', () => {
    expect(draftApplies({ noteId: 'n1', noteVersion: 0 }, { id: 'n1', version: 1 })).toBe(false);
    // a draft stored before drafts had a version
    expect(draftApplies({ noteId: 'n1', noteVersion: null }, { id: 'n1', version: 1 })).toBe(true);
  });
});
