-- Identity: portal activation codes (ADR 0013). Front office issues one per patient; only a keyed hash (HMAC-SHA-256,
-- hex) is stored; single use (used_at), expires (expires_at). Issuing again replaces the patient's row.
CREATE TABLE portal_activation_code (
    id         CHAR(36)    NOT NULL PRIMARY KEY,
    patient_id CHAR(36)    NOT NULL,
    code_hash  VARCHAR(64) NOT NULL,
    issued_by  CHAR(36),
    issued_at  ${ts}    NOT NULL,
    expires_at ${ts}    NOT NULL,
    used_at    ${ts},
    CONSTRAINT uq_portal_activation_code_patient UNIQUE (patient_id),
    CONSTRAINT uq_portal_activation_code_hash UNIQUE (code_hash)
);

-- Medication safety: CDS Hooks JWT ids seen, remembered until the token's exp so that a replay is refused (ADR 0009).
-- token_key is the SHA-256 (hex) of issuer and jti, so that any jti fits a fixed-width key.
CREATE TABLE cds_hooks_jti (
    token_key  VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at ${ts}    NOT NULL
);
CREATE INDEX ix_cds_hooks_jti_expires ON cds_hooks_jti (expires_at);
