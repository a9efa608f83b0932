package org.cdss.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cdss.knowledge.DocumentViews.DocumentVersionView;
import org.cdss.knowledge.DocumentViews.DocumentView;
import org.cdss.shared.db.UtcTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the document tables (V23). */
@Component
class DocumentStore {

    private static final String VIEW = "SELECT d.id, d.title, d.doc_type, d.department_id, d.audience, "
            + "d.current_version, d.updated_at, v.file_name, v.media_type, v.size_bytes, v.uploaded_by "
            + "FROM knowledge_document d JOIN knowledge_document_version v "
            + "ON v.document_id = d.id AND v.version = d.current_version ";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewVersion(
            String fileName, String mediaType, byte[] content, String text, String sha256, String uploadedBy) {}

    void insertDocument(
            UUID id,
            String title,
            DocumentType type,
            @Nullable UUID departmentId,
            List<String> audience,
            Instant now,
            String by) {
        jdbc.sql("INSERT INTO knowledge_document (id, title, doc_type, department_id, audience, current_version, "
                        + "created_at, created_by, updated_at) VALUES (:id, :title, :type, :dept, :audience, 0, :now, "
                        + ":by, :now)")
                .param("id", id.toString())
                .param("title", title)
                .param("type", type.name())
                .param("dept", departmentId == null ? null : departmentId.toString())
                .param("audience", String.join(",", audience))
                .param("now", UtcTimestamps.toColumn(now))
                .param("by", by)
                .update();
    }

    /** Adds the next version and makes it current; returns its number. */
    int addVersion(UUID documentId, NewVersion v, Instant now) {
        Integer current = jdbc.sql("SELECT current_version FROM knowledge_document WHERE id = :id FOR UPDATE")
                .param("id", documentId.toString())
                .query(Integer.class)
                .single();
        int next = current + 1;
        jdbc.sql("INSERT INTO knowledge_document_version (id, document_id, version, file_name, media_type, "
                        + "size_bytes, sha256, content, extracted, uploaded_at, uploaded_by) VALUES (:id, :doc, "
                        + ":version, :file, :media, :size, :sha, :content, :text, :now, :by)")
                .param("id", UUID.randomUUID().toString())
                .param("doc", documentId.toString())
                .param("version", next)
                .param("file", v.fileName())
                .param("media", v.mediaType())
                .param("size", (long) v.content().length)
                .param("sha", v.sha256())
                .param("content", v.content())
                .param("text", v.text())
                .param("now", UtcTimestamps.toColumn(now))
                .param("by", v.uploadedBy())
                .update();
        jdbc.sql("UPDATE knowledge_document SET current_version = :v, updated_at = :now WHERE id = :id")
                .param("v", next)
                .param("now", UtcTimestamps.toColumn(now))
                .param("id", documentId.toString())
                .update();
        return next;
    }

    Optional<DocumentView> find(UUID id) {
        return jdbc.sql(VIEW + "WHERE d.id = :id")
                .param("id", id.toString())
                .query(DocumentStore::view)
                .optional();
    }

    List<DocumentView> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(VIEW + "WHERE d.id IN (:ids)")
                .param("ids", ids.stream().map(UUID::toString).toList())
                .query(DocumentStore::view)
                .list();
    }

    /** The newest documents first, at most {@code limit}, optionally of one type and department. */
    List<DocumentView> latest(@Nullable DocumentType type, @Nullable UUID departmentId, int limit) {
        String where = "WHERE d.current_version > 0"
                + (type == null ? "" : " AND d.doc_type = :type")
                + (departmentId == null ? "" : " AND d.department_id = :dept");
        var spec = jdbc.sql(VIEW + where + " ORDER BY d.updated_at DESC, d.id LIMIT " + limit);
        if (type != null) {
            spec = spec.param("type", type.name());
        }
        if (departmentId != null) {
            spec = spec.param("dept", departmentId.toString());
        }
        return spec.query(DocumentStore::view).list();
    }

    List<DocumentVersionView> versions(UUID id) {
        return jdbc.sql("SELECT version, file_name, media_type, size_bytes, uploaded_at, uploaded_by "
                        + "FROM knowledge_document_version WHERE document_id = :id ORDER BY version DESC")
                .param("id", id.toString())
                .query((rs, n) -> new DocumentVersionView(
                        rs.getInt("version"),
                        rs.getString("file_name"),
                        rs.getString("media_type"),
                        rs.getLong("size_bytes"),
                        UtcTimestamps.read(rs, "uploaded_at"),
                        rs.getString("uploaded_by")))
                .list();
    }

    /** The text of a document's current version. */
    String text(UUID id) {
        return jdbc.sql("SELECT v.extracted FROM knowledge_document d JOIN knowledge_document_version v "
                        + "ON v.document_id = d.id AND v.version = d.current_version WHERE d.id = :id")
                .param("id", id.toString())
                .query(String.class)
                .optional()
                .orElse("");
    }

    record Content(String fileName, String mediaType, byte[] bytes) {}

    Optional<Content> content(UUID id, int version) {
        return jdbc.sql("SELECT file_name, media_type, content FROM knowledge_document_version "
                        + "WHERE document_id = :id AND version = :v")
                .param("id", id.toString())
                .param("v", version)
                .query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    /** A document changed at or after {@code since}: its id, current version and when. */
    record Change(UUID id, int version, Instant updatedAt) {}

    List<Change> changedSince(Instant since) {
        return jdbc.sql("SELECT id, current_version, updated_at FROM knowledge_document "
                        + "WHERE updated_at >= :since AND current_version > 0 ORDER BY updated_at")
                .param("since", UtcTimestamps.toColumn(since))
                .query((rs, n) -> new Change(
                        UUID.fromString(rs.getString(1)), rs.getInt(2), UtcTimestamps.read(rs, "updated_at")))
                .list();
    }

    /** The indexed form of documents' current versions. */
    List<DocumentIndex.Entry> entries(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT d.id, d.title, d.doc_type, d.department_id, d.audience, d.current_version, "
                        + "d.updated_at, v.extracted FROM knowledge_document d JOIN knowledge_document_version v "
                        + "ON v.document_id = d.id AND v.version = d.current_version WHERE d.id IN (:ids)")
                .param("ids", ids.stream().map(UUID::toString).toList())
                .query((rs, n) -> new DocumentIndex.Entry(
                        UUID.fromString(rs.getString("id")),
                        rs.getInt("current_version"),
                        rs.getString("title"),
                        rs.getString("extracted"),
                        rs.getString("doc_type"),
                        uuid(rs.getString("department_id")),
                        audience(rs.getString("audience")),
                        UtcTimestamps.read(rs, "updated_at").toEpochMilli()))
                .list();
    }

    private static DocumentView view(ResultSet rs, int n) throws SQLException {
        return new DocumentView(
                UUID.fromString(rs.getString("id")),
                rs.getString("title"),
                DocumentType.valueOf(rs.getString("doc_type")),
                uuid(rs.getString("department_id")),
                audience(rs.getString("audience")),
                rs.getInt("current_version"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getLong("size_bytes"),
                UtcTimestamps.read(rs, "updated_at"),
                rs.getString("uploaded_by"));
    }

    private static @Nullable UUID uuid(@Nullable String s) {
        return s == null ? null : UUID.fromString(s.strip());
    }

    static List<String> audience(@Nullable String s) {
        return s == null || s.isBlank()
                ? List.of()
                : Arrays.stream(s.split(","))
                        .map(String::strip)
                        .filter(r -> !r.isEmpty())
                        .toList();
    }
}
