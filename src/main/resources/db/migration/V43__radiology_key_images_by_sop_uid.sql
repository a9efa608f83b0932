-- Key images named by their SOP Instance UID (issue 11 follow-up, ADR 0041 amended): a key image is the instance the
-- radiologist chose, not "the n-th image of the series", which changes when instances arrive later or in another
-- order. The table is rebuilt (a portable way to relax the old NOT NULL position and replace its unique key on H2,
-- PostgreSQL and MariaDB alike) under a new name, with:
--   sop_instance_uid   the instance (SOP Instance UID, resolved in the archive when marked); NULL only for the rows
--                      marked before this migration, which cannot be resolved here (the archive is not reachable from
--                      a migration): they keep their position in instance_index and are shown and printed by it (the
--                      documented fallback, ADR 0041). Every row marked from now on has a SOP UID and no position.
--   instance_number    the instance's DICOM Instance Number (0020,0013) when marked, for the caption
--   series_description the series' description (0008,103E) when marked, for the caption
CREATE TABLE radiology_report_key_image (
    id                 CHAR(36)      NOT NULL PRIMARY KEY,
    report_id          CHAR(36)      NOT NULL,
    study_id           CHAR(36)      NOT NULL,
    series_uid         VARCHAR(64)   NOT NULL,
    sop_instance_uid   VARCHAR(64),
    instance_index     INT,
    instance_number    INT,
    series_description VARCHAR(64),
    added_by           CHAR(36)      NOT NULL,
    added_at           ${ts}         NOT NULL,
    CONSTRAINT uq_report_key_image_sop UNIQUE (report_id, sop_instance_uid),
    CONSTRAINT uq_report_key_image_position UNIQUE (report_id, study_id, series_uid, instance_index),
    CONSTRAINT ck_report_key_image_identity CHECK (sop_instance_uid IS NOT NULL OR instance_index IS NOT NULL),
    CONSTRAINT ck_report_key_image_index CHECK (instance_index IS NULL OR instance_index >= 0),
    CONSTRAINT fk_report_key_image_report FOREIGN KEY (report_id) REFERENCES radiology_report (id)
);

INSERT INTO radiology_report_key_image (id, report_id, study_id, series_uid, instance_index, added_by, added_at)
    SELECT id, report_id, study_id, series_uid, instance_index, added_by, added_at FROM radiology_key_image;

DROP TABLE radiology_key_image;
