-- Knowledge hub (issue 13): PubMed articles a user saved, with their own note. The article's citation is kept with
-- it (title, journal, date) so the list shows without calling NCBI; PubMed stays the source of the details.
CREATE TABLE knowledge_saved_article (
    user_id     CHAR(36)      NOT NULL,
    pmid        VARCHAR(12)   NOT NULL,
    title       VARCHAR(1000) NOT NULL,
    journal     VARCHAR(300)  NOT NULL,
    published   VARCHAR(60)   NOT NULL,
    note        VARCHAR(4000),
    saved_at    ${ts}         NOT NULL,
    updated_at  ${ts}         NOT NULL,
    PRIMARY KEY (user_id, pmid)
);
