-- Key images of a radiology report (issue 11, ADR 0041): the images the radiologist marks while reading, shown with
-- the report to the ordering doctor and on the patient portal. An image is named as the reading screen shows it:
-- the study, the series and the instance's position in the series (0-based, instance-number order), the same
-- address as the imaging API's per-instance preview. Marked and removed only while the report is a draft; fixed
-- once it is signed (corrections are addenda).
CREATE TABLE radiology_key_image (
    id                 CHAR(36)      NOT NULL PRIMARY KEY,
    report_id          CHAR(36)      NOT NULL,
    study_id           CHAR(36)      NOT NULL,
    series_uid         VARCHAR(64)   NOT NULL,
    instance_index     INT           NOT NULL,
    added_by           CHAR(36)      NOT NULL,
    added_at           ${ts}         NOT NULL,
    CONSTRAINT uq_radiology_key_image UNIQUE (report_id, study_id, series_uid, instance_index),
    CONSTRAINT ck_radiology_key_image_index CHECK (instance_index >= 0),
    CONSTRAINT fk_radiology_key_image_report FOREIGN KEY (report_id) REFERENCES radiology_report (id)
);
