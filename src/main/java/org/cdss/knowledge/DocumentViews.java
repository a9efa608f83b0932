package org.cdss.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What HTTP and the UI see of the hospital's documents. */
public final class DocumentViews {

    private DocumentViews() {}

    /** A document with its current version. {@code audience}: roles that may read it, empty = all staff. */
    public record DocumentView(
            UUID id,
            String title,
            DocumentType type,
            @Nullable UUID departmentId,
            List<String> audience,
            int version,
            String fileName,
            String mediaType,
            long sizeBytes,
            Instant updatedAt,
            String updatedBy) {}

    public record DocumentVersionView(
            int version, String fileName, String mediaType, long sizeBytes, Instant uploadedAt, String uploadedBy) {}

    /** A document, its versions (newest first) and the start of its current text. */
    public record DocumentDetailView(DocumentView document, List<DocumentVersionView> versions, String textPreview) {}

    /**
     * A search hit: the document and fragments of its text around the matched words; the matches are between
     * {@link #MARK_START} and {@link #MARK_END} (private-use characters, never in a document's text).
     */
    public record DocumentHit(DocumentView document, List<String> fragments, float score) {
        public static final String MARK_START = "\uE000";
        public static final String MARK_END = "\uE001";
    }

    public record DocumentSearchResult(String query, long total, List<DocumentHit> hits) {}
}
