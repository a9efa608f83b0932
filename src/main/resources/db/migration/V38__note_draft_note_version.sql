-- A visit note draft remembers the version of the note it was typed against (issue 15, ADR 0033 amendment): an
-- autosave still in flight when the doctor saves the note must not bring a draft back after the save. The server
-- refuses an autosave whose note has moved on and never returns a draft whose note has (null: a draft saved before
-- this column, or one for a new note).
ALTER TABLE note_draft ADD note_version BIGINT;
