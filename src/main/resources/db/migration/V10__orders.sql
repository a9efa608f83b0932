-- Orders (OCS, issue 5). One row per order with typed columns per order type (no free-form JSON): the order type
-- decides which group of columns is filled, and the application refuses any other combination. Child rows
-- (transitions, lab results, dispenses, safety overrides, idempotency keys) are append-only.

-- Routing table: which department carries out each order type. Data, editable by administrators.
CREATE TABLE order_routing (
    order_type    VARCHAR(20) NOT NULL PRIMARY KEY,
    department_id CHAR(36)    NOT NULL,
    updated_at    ${ts}       NOT NULL,
    updated_by    CHAR(36),
    CONSTRAINT fk_order_routing_department FOREIGN KEY (department_id) REFERENCES department (id)
);
INSERT INTO order_routing (order_type, department_id, updated_at) VALUES
    ('MEDICATION',  '0d1f0000-0000-4000-8000-000000000006', CURRENT_TIMESTAMP),
    ('LAB_TEST',    '0d1f0000-0000-4000-8000-000000000007', CURRENT_TIMESTAMP),
    ('IMAGING',     '0d1f0000-0000-4000-8000-000000000004', CURRENT_TIMESTAMP),
    ('TISSUE_EXAM', '0d1f0000-0000-4000-8000-000000000007', CURRENT_TIMESTAMP);

-- Lab test catalogue with LOINC codes (https://loinc.org). Reference and critical limits are typical adult values
-- for a starting catalogue; each laboratory replaces them with its own validated intervals.
CREATE TABLE lab_test (
    code          VARCHAR(20)  NOT NULL PRIMARY KEY,
    loinc         VARCHAR(20)  NOT NULL,
    name_en       VARCHAR(120) NOT NULL,
    name_ko       VARCHAR(120) NOT NULL,
    specimen      VARCHAR(20)  NOT NULL,
    unit          VARCHAR(20),
    ref_low       DECIMAL(12,4),
    ref_high      DECIMAL(12,4),
    critical_low  DECIMAL(12,4),
    critical_high DECIMAL(12,4),
    panel         BOOLEAN      NOT NULL,
    active        BOOLEAN      NOT NULL
);
CREATE TABLE lab_panel_member (
    panel_code VARCHAR(20) NOT NULL,
    test_code  VARCHAR(20) NOT NULL,
    sort_order INT         NOT NULL,
    CONSTRAINT pk_lab_panel_member PRIMARY KEY (panel_code, test_code),
    CONSTRAINT fk_lab_panel_member_panel FOREIGN KEY (panel_code) REFERENCES lab_test (code),
    CONSTRAINT fk_lab_panel_member_test FOREIGN KEY (test_code) REFERENCES lab_test (code)
);
INSERT INTO lab_test (code, loinc, name_en, name_ko, specimen, unit, ref_low, ref_high, critical_low, critical_high, panel, active) VALUES
    ('HGB',   '718-7',   'Hemoglobin',                      '혈색소',            'BLOOD',  'g/dL',     12.0,  17.5,  7.0,   20.0,  FALSE, TRUE),
    ('WBC',   '6690-2',  'Leukocytes',                      '백혈구',            'BLOOD',  '10^3/uL',  4.0,   10.0,  2.0,   30.0,  FALSE, TRUE),
    ('PLT',   '777-3',   'Platelets',                       '혈소판',            'BLOOD',  '10^3/uL',  150,   400,   50,    1000,  FALSE, TRUE),
    ('HCT',   '4544-3',  'Hematocrit',                      '적혈구용적률',      'BLOOD',  '%',        36,    52,    20,    60,    FALSE, TRUE),
    ('NA',    '2951-2',  'Sodium',                          '나트륨',            'SERUM',  'mmol/L',   135,   145,   120,   160,   FALSE, TRUE),
    ('K',     '2823-3',  'Potassium',                       '칼륨',              'SERUM',  'mmol/L',   3.5,   5.1,   2.5,   6.5,   FALSE, TRUE),
    ('CL',    '2075-0',  'Chloride',                        '염소',              'SERUM',  'mmol/L',   98,    107,   80,    120,   FALSE, TRUE),
    ('CO2',   '2028-9',  'Carbon dioxide, total',           '총 이산화탄소',     'SERUM',  'mmol/L',   22,    29,    10,    40,    FALSE, TRUE),
    ('BUN',   '3094-0',  'Urea nitrogen',                   '혈중요소질소',      'SERUM',  'mg/dL',    7,     20,    NULL,  100,   FALSE, TRUE),
    ('CREA',  '2160-0',  'Creatinine',                      '크레아티닌',        'SERUM',  'mg/dL',    0.6,   1.3,   NULL,  10,    FALSE, TRUE),
    ('GLU',   '2345-7',  'Glucose',                         '혈당',              'SERUM',  'mg/dL',    70,    99,    40,    500,   FALSE, TRUE),
    ('CA',    '17861-6', 'Calcium',                         '칼슘',              'SERUM',  'mg/dL',    8.6,   10.3,  6.0,   13.0,  FALSE, TRUE),
    ('ALT',   '1742-6',  'Alanine aminotransferase',        'ALT',               'SERUM',  'U/L',      7,     56,    NULL,  NULL,  FALSE, TRUE),
    ('AST',   '1920-8',  'Aspartate aminotransferase',      'AST',               'SERUM',  'U/L',      10,    40,    NULL,  NULL,  FALSE, TRUE),
    ('TBIL',  '1975-2',  'Bilirubin, total',                '총빌리루빈',        'SERUM',  'mg/dL',    0.1,   1.2,   NULL,  15,    FALSE, TRUE),
    ('ALB',   '1751-7',  'Albumin',                         '알부민',            'SERUM',  'g/dL',     3.5,   5.0,   NULL,  NULL,  FALSE, TRUE),
    ('CRP',   '1988-5',  'C reactive protein',              'C-반응단백',        'SERUM',  'mg/L',     0,     5,     NULL,  NULL,  FALSE, TRUE),
    ('HBA1C', '4548-4',  'Hemoglobin A1c',                  '당화혈색소',        'BLOOD',  '%',        4.0,   5.6,   NULL,  NULL,  FALSE, TRUE),
    ('TSH',   '3016-3',  'Thyrotropin',                     '갑상선자극호르몬',  'SERUM',  'mIU/L',    0.4,   4.0,   NULL,  NULL,  FALSE, TRUE),
    ('INR',   '6301-6',  'INR',                             '프로트롬빈시간 INR','PLASMA', 'INR',      0.8,   1.2,   NULL,  5.0,   FALSE, TRUE),
    ('TNI',   '10839-9', 'Troponin I, cardiac',             '트로포닌 I',        'SERUM',  'ng/mL',    0,     0.04,  NULL,  0.5,   FALSE, TRUE),
    ('CHOL',  '2093-3',  'Cholesterol',                     '총콜레스테롤',      'SERUM',  'mg/dL',    NULL,  200,   NULL,  NULL,  FALSE, TRUE),
    ('HDL',   '2085-9',  'HDL cholesterol',                 'HDL 콜레스테롤',    'SERUM',  'mg/dL',    40,    NULL,  NULL,  NULL,  FALSE, TRUE),
    ('LDL',   '13457-7', 'LDL cholesterol (calculated)',    'LDL 콜레스테롤',    'SERUM',  'mg/dL',    NULL,  130,   NULL,  NULL,  FALSE, TRUE),
    ('TG',    '2571-8',  'Triglyceride',                    '중성지방',          'SERUM',  'mg/dL',    NULL,  150,   NULL,  1000,  FALSE, TRUE),
    ('CBC',   '58410-2', 'CBC panel',                       '일반혈액검사',      'BLOOD',  NULL,       NULL,  NULL,  NULL,  NULL,  TRUE,  TRUE),
    ('BMP',   '51990-0', 'Basic metabolic panel',           '기본대사패널',      'SERUM',  NULL,       NULL,  NULL,  NULL,  NULL,  TRUE,  TRUE),
    ('LIPID', '57698-3', 'Lipid panel',                     '지질패널',          'SERUM',  NULL,       NULL,  NULL,  NULL,  NULL,  TRUE,  TRUE);
INSERT INTO lab_panel_member (panel_code, test_code, sort_order) VALUES
    ('CBC', 'WBC', 1), ('CBC', 'HGB', 2), ('CBC', 'HCT', 3), ('CBC', 'PLT', 4),
    ('BMP', 'NA', 1), ('BMP', 'K', 2), ('BMP', 'CL', 3), ('BMP', 'CO2', 4), ('BMP', 'BUN', 5), ('BMP', 'CREA', 6),
    ('BMP', 'GLU', 7), ('BMP', 'CA', 8),
    ('LIPID', 'CHOL', 1), ('LIPID', 'HDL', 2), ('LIPID', 'LDL', 3), ('LIPID', 'TG', 4);

CREATE TABLE clinical_order (
    id                   CHAR(36)      NOT NULL PRIMARY KEY,
    order_number         VARCHAR(30)   NOT NULL,
    patient_id           CHAR(36)      NOT NULL,
    order_type           VARCHAR(20)   NOT NULL,
    priority             VARCHAR(20)   NOT NULL,
    priority_rank        INT           NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    target_department_id CHAR(36)      NOT NULL,
    ordered_by           CHAR(36)      NOT NULL,
    due_at               ${ts}         NOT NULL,
    indication           VARCHAR(1000),
    replaces_order_id    CHAR(36),
    intended_duplicate   BOOLEAN       NOT NULL,
    -- MEDICATION
    med_drug_id          VARCHAR(20),
    med_drug_name        VARCHAR(200),
    med_dose             DECIMAL(12,4),
    med_dose_unit        VARCHAR(20),
    med_route            VARCHAR(20),
    med_frequency        VARCHAR(20),
    med_duration_days    INT,
    med_quantity         DECIMAL(12,2),
    med_instructions     VARCHAR(1000),
    -- LAB_TEST
    lab_test_code        VARCHAR(20),
    lab_specimen         VARCHAR(20),
    -- IMAGING
    img_modality         VARCHAR(4),
    img_body_part        VARCHAR(60),
    img_laterality       VARCHAR(20),
    img_contrast         BOOLEAN,
    -- TISSUE_EXAM
    tissue_specimen      VARCHAR(120),
    tissue_site          VARCHAR(120),
    tissue_question      VARCHAR(1000),
    -- outcome
    cancel_reason        VARCHAR(500),
    last_check_complete  BOOLEAN,
    last_check_blocking  INT,
    created_at           ${ts}         NOT NULL,
    updated_at           ${ts}         NOT NULL,
    sent_at              ${ts},
    started_at           ${ts},
    completed_at         ${ts},
    cancelled_at         ${ts},
    version              BIGINT        NOT NULL,
    CONSTRAINT uq_clinical_order_number UNIQUE (order_number),
    CONSTRAINT fk_clinical_order_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT fk_clinical_order_department FOREIGN KEY (target_department_id) REFERENCES department (id),
    CONSTRAINT fk_clinical_order_doctor FOREIGN KEY (ordered_by) REFERENCES app_user (id),
    CONSTRAINT fk_clinical_order_lab_test FOREIGN KEY (lab_test_code) REFERENCES lab_test (code)
);
CREATE INDEX ix_clinical_order_worklist ON clinical_order (target_department_id, status, priority_rank, due_at);
CREATE INDEX ix_clinical_order_orderer ON clinical_order (ordered_by, created_at);
CREATE INDEX ix_clinical_order_patient ON clinical_order (patient_id, created_at);

CREATE TABLE order_transition (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    order_id    CHAR(36)      NOT NULL,
    from_status VARCHAR(20),
    to_status   VARCHAR(20)   NOT NULL,
    actor_id    CHAR(36)      NOT NULL,
    occurred_at ${ts}         NOT NULL,
    note        VARCHAR(1000),
    CONSTRAINT fk_order_transition_order FOREIGN KEY (order_id) REFERENCES clinical_order (id)
);
CREATE INDEX ix_order_transition_order ON order_transition (order_id, occurred_at);

CREATE TABLE lab_result (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    order_id    CHAR(36)      NOT NULL,
    test_code   VARCHAR(20)   NOT NULL,
    loinc       VARCHAR(20)   NOT NULL,
    value_num   DECIMAL(14,4),
    value_text  VARCHAR(200),
    unit        VARCHAR(20),
    ref_low     DECIMAL(12,4),
    ref_high    DECIMAL(12,4),
    flag        VARCHAR(20)   NOT NULL,
    entered_by  CHAR(36)      NOT NULL,
    entered_at  ${ts}         NOT NULL,
    CONSTRAINT fk_lab_result_order FOREIGN KEY (order_id) REFERENCES clinical_order (id),
    CONSTRAINT fk_lab_result_test FOREIGN KEY (test_code) REFERENCES lab_test (code)
);
CREATE INDEX ix_lab_result_order ON lab_result (order_id);

-- Result text of imaging and tissue orders until radiology/pathology reports are signed there.
CREATE TABLE order_result_text (
    order_id   CHAR(36) NOT NULL PRIMARY KEY,
    body       ${text}  NOT NULL,
    entered_by CHAR(36) NOT NULL,
    entered_at ${ts}    NOT NULL,
    CONSTRAINT fk_order_result_text_order FOREIGN KEY (order_id) REFERENCES clinical_order (id)
);

CREATE TABLE dispense_record (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    order_id      CHAR(36)      NOT NULL,
    quantity      DECIMAL(12,2) NOT NULL,
    note          VARCHAR(1000),
    dispensed_by  CHAR(36)      NOT NULL,
    dispensed_at  ${ts}         NOT NULL,
    CONSTRAINT fk_dispense_record_order FOREIGN KEY (order_id) REFERENCES clinical_order (id)
);
CREATE INDEX ix_dispense_record_order ON dispense_record (order_id);

-- Safety alerts a prescriber overrode to send a medication order (also in the medsafety alert log).
CREATE TABLE order_safety_override (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    order_id    CHAR(36)      NOT NULL,
    check_id    CHAR(36)      NOT NULL,
    rule_id     VARCHAR(120)  NOT NULL,
    tier        VARCHAR(20)   NOT NULL,
    reason_code VARCHAR(40)   NOT NULL,
    comment     VARCHAR(1000),
    user_id     CHAR(36)      NOT NULL,
    occurred_at ${ts}         NOT NULL,
    CONSTRAINT fk_order_safety_override_order FOREIGN KEY (order_id) REFERENCES clinical_order (id)
);
CREATE INDEX ix_order_safety_override_order ON order_safety_override (order_id);

-- Idempotency-Key of create and transition requests, per user: a retried request finds its key and gets the
-- order back instead of acting twice. The key row is written in the same transaction as the action.
CREATE TABLE order_idempotency (
    user_id         CHAR(36)     NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    operation       VARCHAR(20)  NOT NULL,
    order_id        CHAR(36)     NOT NULL,
    created_at      ${ts}        NOT NULL,
    CONSTRAINT pk_order_idempotency PRIMARY KEY (user_id, idempotency_key)
);
