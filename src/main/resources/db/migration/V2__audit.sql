-- Append-only audit trail. The application has no UPDATE or DELETE path for these rows (AuditLog only inserts).
CREATE TABLE audit_event (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    occurred_at   ${ts}         NOT NULL,
    user_id       CHAR(36),
    username      VARCHAR(64),
    roles         VARCHAR(200),
    action        VARCHAR(60)   NOT NULL,
    resource_type VARCHAR(60),
    resource_id   VARCHAR(64),
    patient_id    CHAR(36),
    ip            VARCHAR(64),
    user_agent    VARCHAR(400),
    outcome       VARCHAR(10)   NOT NULL,
    detail        VARCHAR(1000)
);
CREATE INDEX ix_audit_event_occurred ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_username ON audit_event (username, occurred_at);
CREATE INDEX ix_audit_event_patient ON audit_event (patient_id, occurred_at);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);
