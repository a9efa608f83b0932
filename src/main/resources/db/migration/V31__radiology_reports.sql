-- RIS (issue 11 items 6-8, ADR 0029): one radiology report per imaging order, written as a draft and signed once.
-- Shaped like FHIR R4 DiagnosticReport so a facade can expose it without reshaping: status (DRAFT = preliminary,
-- SIGNED = final, appended once it has addenda), category RAD, code (LOINC of the report kind), subject (patient_id),
-- basedOn (order_id), effective (acquired_at), issued (signed_at), performer / resultsInterpreter (signed_by),
-- conclusion (impression) and conclusionCode (BI-RADS category). The order's facts (patient, ordering doctor,
-- department, modality, body part) are copied when the draft is created: they never change after sending.
CREATE TABLE radiology_report (
    id                 CHAR(36)      NOT NULL PRIMARY KEY,
    order_id           CHAR(36)      NOT NULL,
    order_number       VARCHAR(30)   NOT NULL,
    patient_id         CHAR(36)      NOT NULL,
    ordered_by         CHAR(36)      NOT NULL,
    department_id      CHAR(36)      NOT NULL,
    modality           VARCHAR(4)    NOT NULL,
    body_part          VARCHAR(60)   NOT NULL,
    procedure_text     VARCHAR(200)  NOT NULL,
    code_system        VARCHAR(40)   NOT NULL,
    code               VARCHAR(20)   NOT NULL,
    code_display       VARCHAR(120)  NOT NULL,
    breast_imaging     BOOLEAN       NOT NULL,
    status             VARCHAR(10)   NOT NULL,
    findings           ${text},
    impression         ${text},
    recommendation     ${text},
    birads_category    INT,
    critical_finding   BOOLEAN       NOT NULL,
    acquired_at        ${ts},
    created_by         CHAR(36)      NOT NULL,
    created_at         ${ts}         NOT NULL,
    updated_by         CHAR(36)      NOT NULL,
    updated_at         ${ts}         NOT NULL,
    signed_by          CHAR(36),
    signed_by_name     VARCHAR(100),
    signed_at          ${ts},
    version            BIGINT        NOT NULL,
    CONSTRAINT uq_radiology_report_order UNIQUE (order_id),
    CONSTRAINT ck_radiology_report_status CHECK (status IN ('DRAFT', 'SIGNED')),
    CONSTRAINT ck_radiology_report_birads CHECK (birads_category IS NULL OR birads_category BETWEEN 0 AND 6),
    CONSTRAINT fk_radiology_report_order FOREIGN KEY (order_id) REFERENCES clinical_order (id),
    CONSTRAINT fk_radiology_report_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX ix_radiology_report_patient ON radiology_report (patient_id, signed_at);

-- A correction or supplement to a signed report: signed when it is written, appended, never changed.
CREATE TABLE radiology_report_addendum (
    id                 CHAR(36)      NOT NULL PRIMARY KEY,
    report_id          CHAR(36)      NOT NULL,
    body               ${text}       NOT NULL,
    critical_finding   BOOLEAN       NOT NULL,
    signed_by          CHAR(36)      NOT NULL,
    signed_by_name     VARCHAR(100)  NOT NULL,
    signed_at          ${ts}         NOT NULL,
    CONSTRAINT fk_radiology_addendum_report FOREIGN KEY (report_id) REFERENCES radiology_report (id)
);
CREATE INDEX ix_radiology_addendum_report ON radiology_report_addendum (report_id, signed_at);
