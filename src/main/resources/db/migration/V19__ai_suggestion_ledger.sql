-- AI suggestion ledger (issue 12 item 4): every model result with its provenance (model id, version and file
-- checksum, a SHA-256 of the canonical input), the output, who ran it for which patient and when; the clinician's
-- decisions on it (ACCEPTED, REJECTED with a reason, EDITED) are appended to ai_suggestion_decision. Rows are never
-- updated except the denormalised latest decision on ai_suggestion (for the dashboards) and the share flag.
CREATE TABLE ai_suggestion (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    model_id        VARCHAR(60)  NOT NULL,
    model_version   VARCHAR(30)  NOT NULL,
    model_sha256    CHAR(64)     NOT NULL,
    input_sha256    CHAR(64)     NOT NULL,
    input_json      VARCHAR(2000) NOT NULL,
    output_json     VARCHAR(4000) NOT NULL,
    probability     DOUBLE PRECISION NOT NULL,
    band            VARCHAR(20)  NOT NULL,
    patient_id      CHAR(36),
    patient_sex     VARCHAR(10),
    patient_age     INT,
    job_id          CHAR(36),
    created_at      ${ts}        NOT NULL,
    created_by      CHAR(36),
    created_by_name VARCHAR(64),
    decision        VARCHAR(20),
    decided_at      ${ts},
    shared_with_patient BOOLEAN  DEFAULT FALSE NOT NULL
);
CREATE INDEX ix_ai_suggestion_patient ON ai_suggestion (patient_id, created_at);
CREATE INDEX ix_ai_suggestion_model ON ai_suggestion (model_id, created_at);

CREATE TABLE ai_suggestion_decision (
    id             CHAR(36)      NOT NULL PRIMARY KEY,
    suggestion_id  CHAR(36)      NOT NULL,
    decided_at     ${ts}         NOT NULL,
    user_id        CHAR(36),
    username       VARCHAR(64),
    decision       VARCHAR(20)   NOT NULL,
    reason         VARCHAR(1000),
    edited_band    VARCHAR(20),
    CONSTRAINT fk_ai_decision_suggestion FOREIGN KEY (suggestion_id) REFERENCES ai_suggestion (id)
);
CREATE INDEX ix_ai_suggestion_decision_suggestion ON ai_suggestion_decision (suggestion_id);
