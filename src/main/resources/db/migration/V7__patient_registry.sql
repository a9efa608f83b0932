-- Patient registry, second slice (issue 3): contact details, blood type, emergency contact, the resident registration
-- number (encrypted with AES-GCM by the application; only the masked form is stored in clear), search helpers
-- (Korean initial consonants, phone digits), inactivation with who/when/why, the change history and the clinical
-- lists (allergies, active medications, problems). Clinical rows are never deleted: they are inactivated.
ALTER TABLE patient ADD COLUMN phone VARCHAR(20);
ALTER TABLE patient ADD COLUMN phone_digits VARCHAR(20);
ALTER TABLE patient ADD COLUMN address VARCHAR(300);
ALTER TABLE patient ADD COLUMN blood_type VARCHAR(10);
ALTER TABLE patient ADD COLUMN emergency_contact_name VARCHAR(100);
ALTER TABLE patient ADD COLUMN emergency_contact_phone VARCHAR(20);
ALTER TABLE patient ADD COLUMN rrn_encrypted VARCHAR(200);
ALTER TABLE patient ADD COLUMN rrn_masked VARCHAR(14);
ALTER TABLE patient ADD COLUMN name_initials VARCHAR(100);
ALTER TABLE patient ADD COLUMN inactivated_at ${ts};
ALTER TABLE patient ADD COLUMN inactivated_by CHAR(36);
ALTER TABLE patient ADD COLUMN inactivation_reason VARCHAR(500);
CREATE INDEX ix_patient_name_initials ON patient (name_initials);
CREATE INDEX ix_patient_phone_digits ON patient (phone_digits);

-- Who changed which fields of a patient, and when. Field names only: never values (the RRN above all).
CREATE TABLE patient_change (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    patient_id  CHAR(36)     NOT NULL,
    changed_at  ${ts}        NOT NULL,
    user_id     CHAR(36),
    username    VARCHAR(64),
    action      VARCHAR(20)  NOT NULL,
    fields      VARCHAR(500),
    CONSTRAINT fk_patient_change_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX ix_patient_change_patient ON patient_change (patient_id, changed_at);

CREATE TABLE patient_allergy (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    patient_id      CHAR(36)     NOT NULL,
    substance       VARCHAR(200) NOT NULL,
    substance_code  VARCHAR(60),
    reaction        VARCHAR(500),
    severity        VARCHAR(10)  NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    recorded_at     ${ts}        NOT NULL,
    recorded_by     CHAR(36),
    recorded_by_name VARCHAR(100),
    inactivated_at  ${ts},
    inactivated_by  CHAR(36),
    inactivation_reason VARCHAR(500),
    CONSTRAINT fk_patient_allergy_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX ix_patient_allergy_patient ON patient_allergy (patient_id, status);

CREATE TABLE patient_medication (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    patient_id      CHAR(36)     NOT NULL,
    name            VARCHAR(200) NOT NULL,
    ingredient_id   VARCHAR(20),
    dose            VARCHAR(200),
    started_on      DATE,
    status          VARCHAR(10)  NOT NULL,
    recorded_at     ${ts}        NOT NULL,
    recorded_by     CHAR(36),
    recorded_by_name VARCHAR(100),
    inactivated_at  ${ts},
    inactivated_by  CHAR(36),
    inactivation_reason VARCHAR(500),
    CONSTRAINT fk_patient_medication_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX ix_patient_medication_patient ON patient_medication (patient_id, status);

CREATE TABLE patient_problem (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    patient_id      CHAR(36)     NOT NULL,
    code            VARCHAR(10)  NOT NULL,
    description     VARCHAR(300) NOT NULL,
    onset_on        DATE,
    status          VARCHAR(10)  NOT NULL,
    recorded_at     ${ts}        NOT NULL,
    recorded_by     CHAR(36),
    recorded_by_name VARCHAR(100),
    inactivated_at  ${ts},
    inactivated_by  CHAR(36),
    inactivation_reason VARCHAR(500),
    CONSTRAINT fk_patient_problem_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX ix_patient_problem_patient ON patient_problem (patient_id, status);
