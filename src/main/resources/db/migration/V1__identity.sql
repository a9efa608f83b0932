-- Identity: departments (data, so hospitals can add their own), staff and patient accounts, roles.
-- Column types that differ between H2, PostgreSQL and MariaDB are placeholders (${ts}, ${text}, ${blob}); see ADR 0003.
CREATE TABLE department (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    code       VARCHAR(40)  NOT NULL,
    name_ko    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(100) NOT NULL,
    active     BOOLEAN      NOT NULL,
    created_at ${ts}        NOT NULL,
    CONSTRAINT uq_department_code UNIQUE (code)
);

CREATE TABLE app_user (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL,
    display_name        VARCHAR(200) NOT NULL,
    password_hash       VARCHAR(200) NOT NULL,
    active              BOOLEAN      NOT NULL,
    failed_logins       INT          NOT NULL,
    locked_until        ${ts},
    patient_id          CHAR(36),
    last_login_at       ${ts},
    password_changed_at ${ts}        NOT NULL,
    created_at          ${ts}        NOT NULL,
    updated_at          ${ts}        NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT uq_app_user_username UNIQUE (username),
    CONSTRAINT uq_app_user_patient UNIQUE (patient_id)
);

CREATE TABLE app_user_role (
    user_id CHAR(36)    NOT NULL,
    role    VARCHAR(20) NOT NULL,
    CONSTRAINT pk_app_user_role PRIMARY KEY (user_id, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

CREATE TABLE app_user_department (
    user_id       CHAR(36) NOT NULL,
    department_id CHAR(36) NOT NULL,
    CONSTRAINT pk_app_user_department PRIMARY KEY (user_id, department_id),
    CONSTRAINT fk_app_user_department_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_app_user_department_department FOREIGN KEY (department_id) REFERENCES department (id)
);

INSERT INTO department (id, code, name_ko, name_en, active, created_at) VALUES
    ('0d1f0000-0000-4000-8000-000000000001', 'FRONT_OFFICE', '원무과', 'Front office', TRUE, CURRENT_TIMESTAMP),
    ('0d1f0000-0000-4000-8000-000000000002', 'PULMONOLOGY', '호흡기내과', 'Pulmonology', TRUE, CURRENT_TIMESTAMP),
    ('0d1f0000-0000-4000-8000-000000000003', 'SURGERY', '외과', 'Surgery', TRUE, CURRENT_TIMESTAMP),
    ('0d1f0000-0000-4000-8000-000000000004', 'RADIOLOGY', '방사선과', 'Radiology', TRUE, CURRENT_TIMESTAMP),
    ('0d1f0000-0000-4000-8000-000000000005', 'DIAGNOSTIC_RADIOLOGY', '영상의학과', 'Diagnostic radiology', TRUE, CURRENT_TIMESTAMP),
    ('0d1f0000-0000-4000-8000-000000000006', 'PHARMACY', '약국', 'Pharmacy', TRUE, CURRENT_TIMESTAMP),
    ('0d1f0000-0000-4000-8000-000000000007', 'LABORATORY', '검사실', 'Laboratory', TRUE, CURRENT_TIMESTAMP);
