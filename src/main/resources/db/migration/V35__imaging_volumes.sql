-- Research volumes (issue 11 item 3, ADR 0036): NIfTI files (.nii, .nii.gz) uploaded for a patient. The file is kept
-- as uploaded under CDSS_HOME (never in Orthanc: it is not DICOM), named by its SHA-256; this row links it to the
-- patient with what its validated header says. The same bytes for the same patient are one row (idempotent re-upload).
CREATE TABLE imaging_volume (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    patient_id         CHAR(36)     NOT NULL,
    file_name          VARCHAR(200) NOT NULL,
    storage_path       VARCHAR(200) NOT NULL,
    sha256             CHAR(64)     NOT NULL,
    size_bytes         BIGINT       NOT NULL,
    compressed         BOOLEAN      NOT NULL,
    nifti_version      INT          NOT NULL,
    dimensions         VARCHAR(100) NOT NULL,
    voxel_size         VARCHAR(200) NOT NULL,
    datatype           VARCHAR(20)  NOT NULL,
    description        VARCHAR(80),
    uploaded_by        CHAR(36)     NOT NULL,
    uploaded_at        ${ts}        NOT NULL,
    CONSTRAINT uq_imaging_volume_content UNIQUE (patient_id, sha256),
    CONSTRAINT fk_imaging_volume_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
