-- AI jobs (issue 12 item 3): long inference runs as a persisted job. One instance claims a QUEUED job by moving it
-- to RUNNING with its own lease (lease_owner, lease_until); a RUNNING job whose lease ran out (its instance died or
-- restarted) is re-queued, or FAILED with a reason after max attempts: never lost. Input and result are JSON.
CREATE TABLE ai_job (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    kind          VARCHAR(40)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    progress      INT          DEFAULT 0 NOT NULL,
    input_json    ${text}      NOT NULL,
    result_json   ${text},
    error         VARCHAR(1000),
    attempts      INT          DEFAULT 0 NOT NULL,
    created_at    ${ts}        NOT NULL,
    created_by    CHAR(36),
    started_at    ${ts},
    finished_at   ${ts},
    lease_owner   VARCHAR(80),
    lease_until   ${ts}
);
CREATE INDEX ix_ai_job_status ON ai_job (status, created_at);
CREATE INDEX ix_ai_job_owner ON ai_job (created_by, created_at);
