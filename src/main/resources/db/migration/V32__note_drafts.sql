-- Visit note drafts (issue 15 item 2, ADR 0033): what a doctor has typed in a visit's SOAP note and not yet saved,
-- autosaved by the browser so that it survives navigation and reload. One draft per visit and author, replaced on
-- every autosave and deleted when the note is saved (or the doctor discards it). Not part of the record: the
-- clinical note and its versions (clinical_note, clinical_note_version) are.
CREATE TABLE note_draft (
    encounter_id CHAR(36)  NOT NULL,
    author_id    CHAR(36)  NOT NULL,
    note_id      CHAR(36),
    subjective   ${text},
    objective    ${text},
    assessment   ${text},
    plan         ${text},
    saved_at     ${ts}     NOT NULL,
    CONSTRAINT pk_note_draft PRIMARY KEY (encounter_id, author_id),
    CONSTRAINT fk_note_draft_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id)
);
