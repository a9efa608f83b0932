package org.cdss.knowledge;

import org.cdss.shared.ProblemType;

/** The refusals of the knowledge hub. Titles and details are {@code problem.<code>.*} in {@code messages*.properties}. */
public enum KnowledgeProblem implements ProblemType {
    /** NCBI did not answer (offline, timeouts, 429/5xx after the retries): the search cannot run now. */
    PUBMED_UNAVAILABLE("knowledge.pubmed-unavailable", 503),
    /** NCBI answered something that is not the E-utilities XML we asked for. */
    PUBMED_BAD_ANSWER("knowledge.pubmed-bad-answer", 502),
    /** A PubMed id that is not a number or that PubMed does not know. */
    ARTICLE_NOT_FOUND("knowledge.article-not-found", 404),
    /** A document id that does not exist or that the caller's role may not read. */
    DOCUMENT_NOT_FOUND("knowledge.document-not-found", 404),
    /** An upload above {@code cdss.knowledge.documents.max-size}. */
    DOCUMENT_TOO_LARGE("knowledge.document-too-large", 413),
    /** An upload that is not PDF, DOCX, HTML or plain text. */
    DOCUMENT_TYPE_UNSUPPORTED("knowledge.document-type-unsupported", 422),
    /** A file whose text could not be read (damaged, encrypted, or no text in it). */
    DOCUMENT_UNREADABLE("knowledge.document-unreadable", 422),
    /** A full-text query the parser cannot read. */
    QUERY_INVALID("knowledge.query-invalid", 400),
    /** A feed id that does not exist. */
    FEED_NOT_FOUND("knowledge.feed-not-found", 404),
    /** A feed URL that is already registered. */
    FEED_DUPLICATE("knowledge.feed-duplicate", 409),
    /** A feed URL that is not http(s). */
    FEED_URL_INVALID("knowledge.feed-url-invalid", 422),
    /** A feed item id that does not exist. */
    FEED_ITEM_NOT_FOUND("knowledge.feed-item-not-found", 404);

    private final String code;
    private final int status;

    KnowledgeProblem(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
