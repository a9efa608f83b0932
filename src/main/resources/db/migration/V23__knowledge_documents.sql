-- Knowledge hub (issue 13): the hospital's own documents (protocols, guidelines), each upload a new version with the
-- file and the text extracted from it. The database is the source of truth; the Lucene index under CDSS_HOME is a
-- cache that every instance rebuilds from these tables and keeps current by polling updated_at (ADR 0024).
CREATE TABLE knowledge_document (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    title           VARCHAR(300) NOT NULL,
    doc_type        VARCHAR(20)  NOT NULL,
    department_id   CHAR(36),
    -- roles that may read it, comma-separated; empty = every staff member
    audience        VARCHAR(200) NOT NULL,
    current_version INT          NOT NULL,
    created_at      ${ts}        NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    updated_at      ${ts}        NOT NULL
);
CREATE INDEX ix_knowledge_document_updated ON knowledge_document (updated_at);

CREATE TABLE knowledge_document_version (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    document_id  CHAR(36)     NOT NULL REFERENCES knowledge_document (id),
    version      INT          NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    media_type   VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      ${blob}      NOT NULL,
    extracted    ${text}      NOT NULL,
    uploaded_at  ${ts}        NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    CONSTRAINT uq_knowledge_document_version UNIQUE (document_id, version)
);
