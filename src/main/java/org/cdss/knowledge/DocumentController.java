package org.cdss.knowledge;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cdss.knowledge.DocumentViews.DocumentDetailView;
import org.cdss.knowledge.DocumentViews.DocumentSearchResult;
import org.cdss.knowledge.DocumentViews.DocumentView;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The document library. Uploads are the file itself as the request body (its own Content-Type, no multipart: the
 * size limit is checked while reading, ADR 0023), the metadata in the query string.
 */
@RestController
@RequestMapping("/api/knowledge/documents")
class DocumentController {

    private final DocumentLibrary library;
    private final HospitalZone zone;

    DocumentController(DocumentLibrary library, HospitalZone zone) {
        this.library = library;
        this.zone = zone;
    }

    @PostMapping(consumes = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DocumentView upload(
            @RequestParam String title,
            @RequestParam(defaultValue = "OTHER") DocumentType type,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(required = false) @Nullable List<String> audience,
            @RequestParam(defaultValue = "document") String fileName,
            HttpServletRequest request) {
        return library.upload(
                CurrentUser.require(),
                new DocumentLibrary.Upload(
                        title,
                        type,
                        departmentId,
                        audience == null ? List.of() : audience,
                        fileName,
                        request.getContentType()),
                body(request),
                request.getContentLengthLong());
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DocumentView addVersion(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "document") String fileName,
            HttpServletRequest request) {
        return library.addVersion(
                CurrentUser.require(),
                id,
                fileName,
                request.getContentType(),
                body(request),
                request.getContentLengthLong());
    }

    /** The newest documents (no {@code q}) or a full-text search with highlighted fragments. */
    @GetMapping
    DocumentSearchResult list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable DocumentType type,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (q.isBlank()) {
            List<DocumentView> latest = library.latest(CurrentUser.require(), type, departmentId).stream()
                    .filter(d -> from == null || !d.updatedAt().isBefore(startOf(from)))
                    .filter(d -> to == null || d.updatedAt().isBefore(startOf(to.plusDays(1))))
                    .toList();
            return new DocumentSearchResult(
                    "",
                    latest.size(),
                    latest.stream()
                            .map(d -> new DocumentViews.DocumentHit(d, List.of(), 0f))
                            .toList());
        }
        return library.search(
                CurrentUser.require(),
                q,
                type,
                departmentId,
                from == null ? null : startOf(from),
                to == null ? null : startOf(to.plusDays(1)).minusMillis(1),
                page,
                size);
    }

    @GetMapping("/{id}")
    DocumentDetailView detail(@PathVariable UUID id) {
        return library.detail(CurrentUser.require(), id);
    }

    /** The stored file of a version, as a download (HTML is the sanitised copy, in a sandbox). */
    @GetMapping("/{id}/versions/{version}/content")
    ResponseEntity<byte[]> content(@PathVariable UUID id, @PathVariable int version) {
        DocumentStore.Content c = library.content(CurrentUser.require(), id, version);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(c.fileName(), StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .header("Content-Security-Policy", "sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(c.bytes());
    }

    private java.time.Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone.zoneId()).toInstant();
    }

    private static java.io.InputStream body(HttpServletRequest request) {
        try {
            return request.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
