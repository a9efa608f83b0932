-- Medication safety alert log (issue 4): every alert shown by a check run through the API, and the clinician's
-- decision on it (ACCEPTED = heeded, OVERRIDDEN = proceeded anyway). Append only; override analytics aggregate
-- these two tables. check_id groups the alerts of one check and is what the client returns with its decisions.
CREATE TABLE medsafety_alert_event (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    check_id    CHAR(36)     NOT NULL,
    shown_at    ${ts}        NOT NULL,
    user_id     CHAR(36),
    username    VARCHAR(64),
    patient_id  CHAR(36),
    rule_id     VARCHAR(120) NOT NULL,
    alert_type  VARCHAR(20)  NOT NULL,
    severity    VARCHAR(20)  NOT NULL,
    tier        VARCHAR(20)  NOT NULL,
    kb_version  VARCHAR(60)  NOT NULL
);
CREATE INDEX ix_medsafety_alert_event_check ON medsafety_alert_event (check_id);
CREATE INDEX ix_medsafety_alert_event_rule ON medsafety_alert_event (rule_id);

CREATE TABLE medsafety_alert_decision (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    check_id     CHAR(36)     NOT NULL,
    decided_at   ${ts}        NOT NULL,
    user_id      CHAR(36),
    username     VARCHAR(64),
    patient_id   CHAR(36),
    rule_id      VARCHAR(120) NOT NULL,
    tier         VARCHAR(20)  NOT NULL,
    action       VARCHAR(20)  NOT NULL,
    reason_code  VARCHAR(40),
    comment      VARCHAR(1000),
    kb_version   VARCHAR(60)  NOT NULL
);
CREATE INDEX ix_medsafety_alert_decision_check ON medsafety_alert_decision (check_id);
CREATE INDEX ix_medsafety_alert_decision_rule ON medsafety_alert_decision (rule_id, action);
