-- Patient registry (the first slice; issue 3 extends it). Never hard-deleted: inactivated.
CREATE TABLE patient (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    mrn        VARCHAR(20)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    name_latin VARCHAR(100),
    birth_date DATE         NOT NULL,
    sex        VARCHAR(1)   NOT NULL,
    active     BOOLEAN      NOT NULL,
    created_at ${ts}        NOT NULL,
    updated_at ${ts}        NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT uq_patient_mrn UNIQUE (mrn)
);
CREATE INDEX ix_patient_name ON patient (name);
CREATE INDEX ix_patient_birth_date ON patient (birth_date);

ALTER TABLE app_user ADD CONSTRAINT fk_app_user_patient FOREIGN KEY (patient_id) REFERENCES patient (id);
