-- Issue 5 (OCS), notifications half.
--
-- 1. Spring Modulith 2.0's event publication registry (transactional outbox). The shape is Modulith's own
--    (spring-modulith-events-jdbc 2.0.3, schemas/v2/schema-{h2,postgresql,mariadb}.sql): its JDBC repository binds
--    java.util.UUID ids on H2 and PostgreSQL and strings on MariaDB, hence the two library-only placeholders.
--    Modulith's schema initialisation stays off: Flyway owns the schema (ddl-auto=validate everywhere).
--    Upper case on purpose: Modulith queries EVENT_PUBLICATION, and MariaDB table names are case-sensitive on Linux
--    (PostgreSQL folds the unquoted name to lower case, H2 to upper case, so both match either way).
CREATE TABLE EVENT_PUBLICATION (
    id                     ${native_uuid} NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)   NOT NULL,
    event_type             VARCHAR(512)   NOT NULL,
    serialized_event       VARCHAR(4000)  NOT NULL,
    publication_date       ${zoned_ts}    NOT NULL,
    completion_date        ${zoned_ts}    NULL,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date ${zoned_ts}    NULL
);
CREATE INDEX event_publication_by_completion_date_idx ON EVENT_PUBLICATION (completion_date);
CREATE INDEX event_publication_by_listener_id_idx ON EVENT_PUBLICATION (listener_id);

-- 2. Persistent notifications: addressed to one user OR to a department (all its staff). No patient data: the
--    order number and a message key with parameters that the browser translates. dedupe_key makes redelivery of the
--    same event (outbox retry, restart) a no-op.
CREATE TABLE notification (
    id                      CHAR(36)     NOT NULL PRIMARY KEY,
    dedupe_key              VARCHAR(200) NOT NULL,
    recipient_user_id       CHAR(36),
    recipient_department_id CHAR(36),
    kind                    VARCHAR(30)  NOT NULL,
    urgent                  BOOLEAN      NOT NULL,
    subject_type            VARCHAR(30)  NOT NULL,
    subject_id              CHAR(36)     NOT NULL,
    subject_number          VARCHAR(40),
    message_key             VARCHAR(80)  NOT NULL,
    message_params          VARCHAR(1000),
    created_at              ${ts}        NOT NULL,
    CONSTRAINT uq_notification_dedupe UNIQUE (dedupe_key),
    CONSTRAINT ck_notification_recipient CHECK ((recipient_user_id IS NULL AND recipient_department_id IS NOT NULL)
        OR (recipient_user_id IS NOT NULL AND recipient_department_id IS NULL))
);
CREATE INDEX ix_notification_user ON notification (recipient_user_id, created_at);
CREATE INDEX ix_notification_department ON notification (recipient_department_id, created_at);

-- Read state per user, also for department notifications (one nurse reading does not mark it read for the ward).
CREATE TABLE notification_read (
    notification_id CHAR(36) NOT NULL,
    user_id         CHAR(36) NOT NULL,
    read_at         ${ts}    NOT NULL,
    CONSTRAINT pk_notification_read PRIMARY KEY (notification_id, user_id),
    CONSTRAINT fk_notification_read_notification FOREIGN KEY (notification_id) REFERENCES notification (id)
);
CREATE INDEX ix_notification_read_user ON notification_read (user_id);
