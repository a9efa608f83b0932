package org.cdss.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.search.Query;
import org.cdss.knowledge.DocumentViews.DocumentDetailView;
import org.cdss.knowledge.DocumentViews.DocumentHit;
import org.cdss.knowledge.DocumentViews.DocumentSearchResult;
import org.cdss.knowledge.DocumentViews.DocumentVersionView;
import org.cdss.knowledge.DocumentViews.DocumentView;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The hospital's documents: upload (a new document or a new version of one), text extraction ({@link
 * TextExtraction}), the library list, full-text search with highlighting and filters, and access by role: a document
 * names the roles that may read it (none = all staff); administrators read everything. A document a user may not
 * read answers 404, like one that does not exist.
 */
@Service
public class DocumentLibrary {

    static final int MAX_PAGE_SIZE = 50;
    static final int MAX_QUERY_CHARS = 300;
    static final int MAX_PAGE = 1_000;

    private final DocumentStore store;
    private final DocumentIndexing indexing;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DataSize maxSize;

    DocumentLibrary(
            DocumentStore store,
            DocumentIndexing indexing,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${cdss.knowledge.documents.max-size:12MB}") DataSize maxSize) {
        this.store = store;
        this.indexing = indexing;
        this.events = events;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    /** What an upload says about itself besides its bytes. */
    public record Upload(
            String title,
            DocumentType type,
            @Nullable UUID departmentId,
            List<String> audience,
            String fileName,
            @Nullable String contentType) {}

    /**
     * Reads the body (refused above the limit before reading further), extracts its text, stores version 1. A
     * department's document is published by a member of that department or an administrator (403 otherwise).
     */
    @Transactional
    public DocumentView upload(CdssPrincipal user, Upload upload, InputStream body, long declaredLength) {
        String title = upload.title().strip();
        if (title.isEmpty() || title.length() > 300) {
            throw new DomainException(ProblemCode.VALIDATION);
        }
        if (upload.departmentId() != null
                && !user.has(Role.ADMIN)
                && !user.departmentIds().contains(upload.departmentId())) {
            // a department's documents are issued by its members (and revised by them): a protocol filed under
            // another department would read as that department's own
            throw DomainException.field(
                    org.cdss.shared.ProblemCode.FORBIDDEN, "/departmentId", "knowledge.document-department-not-yours");
        }
        List<String> audience = audience(upload.audience());
        TextExtraction.Extracted extracted =
                TextExtraction.extract(read(body, declaredLength), fileName(upload.fileName()), upload.contentType());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insertDocument(id, title, upload.type(), upload.departmentId(), audience, now, user.username());
        int version = store.addVersion(id, newVersion(user, upload.fileName(), extracted), now);
        events.publishEvent(new DocumentPublished(id, version));
        return store.find(id).orElseThrow();
    }

    /**
     * A new version of a document the user may read and revise: an administrator, a member of the document's
     * department, or whoever uploaded its first version — not every author who can read it (another department's
     * protocol is theirs to change). 403 otherwise.
     */
    @Transactional
    public DocumentView addVersion(
            CdssPrincipal user, UUID id, String fileName, @Nullable String contentType, InputStream body, long length) {
        DocumentView document = readable(user, id);
        if (!mayRevise(user, document)) {
            throw new DomainException(org.cdss.shared.ProblemCode.FORBIDDEN);
        }
        TextExtraction.Extracted extracted =
                TextExtraction.extract(read(body, length), fileName(fileName), contentType);
        int version = store.addVersion(id, newVersion(user, fileName, extracted), clock.instant());
        events.publishEvent(new DocumentPublished(id, version));
        return store.find(id).orElseThrow();
    }

    private boolean mayRevise(CdssPrincipal user, DocumentView document) {
        if (user.has(Role.ADMIN)) {
            return true;
        }
        if (document.departmentId() != null && user.departmentIds().contains(document.departmentId())) {
            return true;
        }
        List<DocumentVersionView> versions = store.versions(document.id());
        return !versions.isEmpty() && versions.getLast().uploadedBy().equals(user.username());
    }

    @Transactional(readOnly = true)
    public List<DocumentView> latest(CdssPrincipal user, @Nullable DocumentType type, @Nullable UUID departmentId) {
        return store.latest(type, departmentId, 500).stream()
                .filter(d -> mayRead(user, d))
                .limit(200)
                .toList();
    }

    @Transactional(readOnly = true)
    public DocumentDetailView detail(CdssPrincipal user, UUID id) {
        DocumentView document = readable(user, id);
        String text = store.text(id);
        return new DocumentDetailView(document, store.versions(id), text.substring(0, Math.min(text.length(), 4000)));
    }

    @Transactional(readOnly = true)
    public DocumentStore.Content content(CdssPrincipal user, UUID id, int version) {
        readable(user, id);
        return store.content(id, version).orElseThrow(() -> new DomainException(KnowledgeProblem.DOCUMENT_NOT_FOUND));
    }

    /** Full-text search (Korean, English or mixed) with highlighted fragments, best first. */
    public DocumentSearchResult search(
            CdssPrincipal user,
            String text,
            @Nullable DocumentType type,
            @Nullable UUID departmentId,
            @Nullable Instant from,
            @Nullable Instant to,
            int page,
            int size) {
        String q = text.strip();
        // a query is a few words: a very long one would exceed Lucene's clause limit, a far page overflows the offset
        if (q.length() > MAX_QUERY_CHARS || page < 0 || page > MAX_PAGE) {
            throw new DomainException(KnowledgeProblem.QUERY_INVALID);
        }
        Query query = q.isEmpty() ? null : DocumentIndex.parse(q);
        if (query == null) {
            return new DocumentSearchResult(q, 0, List.of());
        }
        int s = Math.clamp(size, 1, MAX_PAGE_SIZE);
        DocumentIndex.Filter filter = new DocumentIndex.Filter(
                type == null ? null : type.name(),
                departmentId,
                from == null ? null : from.toEpochMilli(),
                to == null ? null : to.toEpochMilli(),
                user.has(Role.ADMIN)
                        ? null
                        : user.roles().stream().map(Enum::name).collect(Collectors.toSet()));
        DocumentIndex.Hits hits;
        try {
            hits = indexing.index().search(query, filter, page * s, s);
        } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
            throw new DomainException(KnowledgeProblem.QUERY_INVALID);
        }
        Map<UUID, DocumentView> views = store
                .findAll(hits.hits().stream().map(DocumentIndex.Hit::id).toList())
                .stream()
                .collect(Collectors.toMap(DocumentView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<DocumentHit> result = hits.hits().stream()
                .filter(h -> views.containsKey(h.id()) && mayRead(user, views.get(h.id())))
                .map(h -> new DocumentHit(views.get(h.id()), h.fragments(), h.score()))
                .toList();
        return new DocumentSearchResult(q, hits.total(), result);
    }

    private DocumentView readable(CdssPrincipal user, UUID id) {
        return store.find(id)
                .filter(d -> mayRead(user, d))
                .orElseThrow(() -> new DomainException(KnowledgeProblem.DOCUMENT_NOT_FOUND));
    }

    static boolean mayRead(CdssPrincipal user, DocumentView d) {
        return user.has(Role.ADMIN)
                || (user.roles().stream().anyMatch(Role::isStaff)
                        && (d.audience().isEmpty()
                                || user.roles().stream()
                                        .anyMatch(r -> d.audience().contains(r.name()))));
    }

    private static List<String> audience(List<String> roles) {
        Set<String> known = java.util.Arrays.stream(Role.values())
                .filter(Role::isStaff)
                .map(Enum::name)
                .collect(Collectors.toSet());
        List<String> clean = roles.stream()
                .flatMap(r -> java.util.Arrays.stream(r.split(",")))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .distinct()
                .toList();
        if (!known.containsAll(clean)) {
            throw new DomainException(ProblemCode.VALIDATION);
        }
        return clean;
    }

    private static String fileName(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        return n.isEmpty() ? "document" : n.substring(0, Math.min(n.length(), 255));
    }

    private static DocumentStore.NewVersion newVersion(
            CdssPrincipal user, String fileName, TextExtraction.Extracted extracted) {
        return new DocumentStore.NewVersion(
                fileName(fileName),
                extracted.kind().mediaType,
                extracted.content(),
                extracted.text(),
                sha256(extracted.content()),
                user.username());
    }

    private byte[] read(InputStream body, long declaredLength) {
        long max = maxSize.toBytes();
        if (declaredLength > max) {
            throw tooLarge();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > max) {
                    throw tooLarge();
                }
            }
            if (out.size() == 0) {
                throw new DomainException(KnowledgeProblem.DOCUMENT_UNREADABLE);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DomainException tooLarge() {
        return new DomainException(KnowledgeProblem.DOCUMENT_TOO_LARGE, null, maxSize.toMegabytes() + " MB");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
