-- Append-only SOAP notes (issue 10, ADR 0015). The text of a note lives only in clinical_note_version, one row per
-- version, never updated or deleted: an amendment adds the next version with its author, time and reason. The
-- clinical_note row keeps who wrote the note first and points at its current version (version; the optimistic lock
-- of amendments), so the text that was there before an amendment is never lost.
CREATE TABLE clinical_note_version (
    note_id          CHAR(36)     NOT NULL,
    version          BIGINT       NOT NULL,
    subjective       ${text},
    objective        ${text},
    assessment       ${text},
    plan             ${text},
    written_by       CHAR(36)     NOT NULL,
    written_by_name  VARCHAR(100),
    written_at       ${ts}        NOT NULL,
    reason           VARCHAR(500),
    CONSTRAINT pk_clinical_note_version PRIMARY KEY (note_id, version),
    CONSTRAINT fk_clinical_note_version_note FOREIGN KEY (note_id) REFERENCES clinical_note (id)
);

-- Notes written before this version: their current text becomes the version they are at (earlier texts of notes
-- amended in place were not kept, so the history of such a note starts at its last amendment).
INSERT INTO clinical_note_version (note_id, version, subjective, objective, assessment, plan, written_by,
        written_by_name, written_at, reason)
    SELECT n.id, n.version, n.subjective, n.objective, n.assessment, n.plan, COALESCE(n.amended_by, n.authored_by),
        CASE WHEN n.amended_by IS NULL THEN n.authored_by_name
             ELSE (SELECT SUBSTRING(u.display_name, 1, 100) FROM app_user u WHERE u.id = n.amended_by) END,
        COALESCE(n.amended_at, n.authored_at), NULL
    FROM clinical_note n;

ALTER TABLE clinical_note DROP COLUMN subjective;
ALTER TABLE clinical_note DROP COLUMN objective;
ALTER TABLE clinical_note DROP COLUMN assessment;
ALTER TABLE clinical_note DROP COLUMN plan;
ALTER TABLE clinical_note ADD COLUMN amended_by_name VARCHAR(100);

-- A note as it reads now: the note with the text of its current version.
CREATE VIEW clinical_note_current AS
    SELECT n.id, n.encounter_id, n.patient_id, v.subjective, v.objective, v.assessment, v.plan, n.authored_by,
        n.authored_by_name, n.authored_at, n.amended_by, n.amended_by_name, n.amended_at, n.version
    FROM clinical_note n JOIN clinical_note_version v ON v.note_id = n.id AND v.version = n.version;
