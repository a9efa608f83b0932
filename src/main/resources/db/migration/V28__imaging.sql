-- Imaging (issue 11, PACS half): the studies CDSS knows in the archive (Orthanc) and whom they belong to, the
-- accession numbers given to imaging orders when sent, and the cursor of Orthanc's change feed.

-- One row per study seen in the archive (uploaded through CDSS or sent by a modality). The pixels stay in Orthanc;
-- this row is the link: to a patient (LINKED), or not yet (MISMATCH: its DICOM PatientID is not the patient's MRN
-- and waits for a person's decision; UNMATCHED: no patient with that MRN), and to the imaging order whose accession
-- number it carries.
CREATE TABLE imaging_study (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    study_instance_uid VARCHAR(64)  NOT NULL,
    archive_id         VARCHAR(64)  NOT NULL,
    dicom_patient_id   VARCHAR(64),
    accession_number   VARCHAR(16),
    description        VARCHAR(200),
    study_date         DATE,
    link_status        VARCHAR(20)  NOT NULL,
    patient_id         CHAR(36),
    -- the patient an upload was meant for, while the link waits for a decision (MISMATCH)
    intended_patient_id CHAR(36),
    order_id           CHAR(36),
    received_at        ${ts}        NOT NULL,
    linked_at          ${ts},
    linked_by          CHAR(36),
    link_reason        VARCHAR(500),
    version            BIGINT       NOT NULL,
    CONSTRAINT uq_imaging_study_uid UNIQUE (study_instance_uid)
);
CREATE INDEX ix_imaging_study_patient ON imaging_study (patient_id, study_date);
CREATE INDEX ix_imaging_study_order ON imaging_study (order_id);
CREATE INDEX ix_imaging_study_accession ON imaging_study (accession_number);

-- The Accession Number (and Study Instance UID) an imaging order got when it was sent, and its worklist entry.
CREATE TABLE imaging_order_accession (
    order_id           CHAR(36)     NOT NULL PRIMARY KEY,
    accession_number   VARCHAR(16)  NOT NULL,
    study_instance_uid VARCHAR(64)  NOT NULL,
    patient_id         CHAR(36)     NOT NULL,
    -- SCHEDULED (worklist entry published), ARRIVED (a study carrying the accession came), CANCELLED
    state              VARCHAR(20)  NOT NULL,
    created_at         ${ts}        NOT NULL,
    arrived_at         ${ts},
    CONSTRAINT uq_imaging_accession UNIQUE (accession_number)
);

-- Where CDSS is in an Orthanc's change feed: one row per archive (its base URL, the local Orthanc's including its
-- HTTP port, so that instances or test contexts with their own Orthanc on one database keep their own cursors),
-- created on first use; the last Seq fully processed, in the same transaction as what was done with the changes.
CREATE TABLE imaging_change_cursor (
    archive  VARCHAR(200) NOT NULL PRIMARY KEY,
    last_seq BIGINT       NOT NULL
);
