-- Knowledge hub (issue 13): RSS/Atom feeds that administrators register, fetched on a schedule (conditional GET with
-- the stored ETag/Last-Modified, per-feed back-off after failures), their items kept as history (never deleted,
-- de-duplicated by a hash of guid/link/title) and which items each user has read.
CREATE TABLE knowledge_feed (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    title           VARCHAR(300)  NOT NULL,
    url             VARCHAR(2000) NOT NULL,
    url_hash        CHAR(64)      NOT NULL,
    active          BOOLEAN       NOT NULL,
    etag            VARCHAR(500),
    last_modified   VARCHAR(100),
    next_fetch_at   ${ts}         NOT NULL,
    last_fetched_at ${ts},
    last_success_at ${ts},
    failures        INT           NOT NULL,
    last_error      VARCHAR(40),
    created_at      ${ts}         NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    CONSTRAINT uq_knowledge_feed_url UNIQUE (url_hash)
);

CREATE TABLE knowledge_feed_item (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    feed_id      CHAR(36)      NOT NULL REFERENCES knowledge_feed (id),
    item_key     CHAR(64)      NOT NULL,
    title        VARCHAR(1000) NOT NULL,
    link         VARCHAR(2000),
    summary      ${text},
    published_at ${ts},
    fetched_at   ${ts}         NOT NULL,
    CONSTRAINT uq_knowledge_feed_item UNIQUE (feed_id, item_key)
);
CREATE INDEX ix_knowledge_feed_item_feed ON knowledge_feed_item (feed_id, fetched_at);

CREATE TABLE knowledge_feed_item_read (
    user_id  CHAR(36) NOT NULL,
    item_id  CHAR(36) NOT NULL REFERENCES knowledge_feed_item (id),
    read_at  ${ts}    NOT NULL,
    PRIMARY KEY (user_id, item_id)
);
