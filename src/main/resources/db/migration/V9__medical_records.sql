-- Medical records: outpatient encounters, SOAP notes, vital signs and encounter diagnoses (module records).
-- Nothing is deleted: an encounter recorded by mistake is voided (ENTERED_IN_ERROR with who/when/why); notes are
-- amended in place under optimistic locking (version); vitals and diagnoses are append-only.
-- appointment_id is unique: one encounter per appointment (NULLs never collide, on all three databases).
CREATE TABLE encounter (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    patient_id      CHAR(36)     NOT NULL,
    appointment_id  CHAR(36),
    department_id   CHAR(36)     NOT NULL,
    doctor_id       CHAR(36)     NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    started_at      ${ts}        NOT NULL,
    ended_at        ${ts},
    voided_at       ${ts},
    voided_by       CHAR(36),
    void_reason     VARCHAR(500),
    created_by      CHAR(36)     NOT NULL,
    created_at      ${ts}        NOT NULL,
    updated_at      ${ts}        NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT uq_encounter_appointment UNIQUE (appointment_id),
    CONSTRAINT fk_encounter_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_encounter_doctor FOREIGN KEY (doctor_id) REFERENCES app_user (id),
    CONSTRAINT fk_encounter_department FOREIGN KEY (department_id) REFERENCES department (id)
);
CREATE INDEX ix_encounter_patient ON encounter (patient_id, started_at);

CREATE TABLE clinical_note (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    encounter_id     CHAR(36)     NOT NULL,
    patient_id       CHAR(36)     NOT NULL,
    subjective       ${text},
    objective        ${text},
    assessment       ${text},
    plan             ${text},
    authored_by      CHAR(36)     NOT NULL,
    authored_by_name VARCHAR(100),
    authored_at      ${ts}        NOT NULL,
    amended_by       CHAR(36),
    amended_at       ${ts},
    version          BIGINT       NOT NULL,
    CONSTRAINT fk_clinical_note_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id),
    CONSTRAINT fk_clinical_note_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX ix_clinical_note_patient ON clinical_note (patient_id, authored_at);
CREATE INDEX ix_clinical_note_encounter ON clinical_note (encounter_id);

CREATE TABLE vital_signs (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    encounter_id     CHAR(36)     NOT NULL,
    patient_id       CHAR(36)     NOT NULL,
    systolic         INT,
    diastolic        INT,
    heart_rate       INT,
    respiratory_rate INT,
    temperature_c    DECIMAL(4, 1),
    spo2             INT,
    height_cm        DECIMAL(5, 1),
    weight_kg        DECIMAL(5, 1),
    bmi              DECIMAL(4, 1),
    measured_at      ${ts}        NOT NULL,
    recorded_by      CHAR(36)     NOT NULL,
    recorded_by_name VARCHAR(100),
    CONSTRAINT fk_vital_signs_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id),
    CONSTRAINT fk_vital_signs_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX ix_vital_signs_patient ON vital_signs (patient_id, measured_at);
CREATE INDEX ix_vital_signs_encounter ON vital_signs (encounter_id);

CREATE TABLE encounter_diagnosis (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    encounter_id     CHAR(36)     NOT NULL,
    patient_id       CHAR(36)     NOT NULL,
    code             VARCHAR(10)  NOT NULL,
    description      VARCHAR(300) NOT NULL,
    is_primary       BOOLEAN      NOT NULL,
    recorded_at      ${ts}        NOT NULL,
    recorded_by      CHAR(36)     NOT NULL,
    recorded_by_name VARCHAR(100),
    CONSTRAINT fk_encounter_diagnosis_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id),
    CONSTRAINT fk_encounter_diagnosis_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX ix_encounter_diagnosis_patient ON encounter_diagnosis (patient_id, recorded_at);
CREATE INDEX ix_encounter_diagnosis_encounter ON encounter_diagnosis (encounter_id);
