package org.cdss.records;

import jakarta.validation.Valid;
import java.util.UUID;
import org.cdss.records.NoteDrafts.NoteDraftRequest;
import org.cdss.records.NoteDrafts.NoteDraftView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's autosaved draft of a visit's SOAP note (ADR 0033): read, replace, discard. Doctors only. */
@RestController
class NoteDraftController {

    private final NoteDrafts drafts;

    NoteDraftController(NoteDrafts drafts) {
        this.drafts = drafts;
    }

    /** The draft, or 204 when none is saved. */
    @GetMapping("/api/encounters/{id}/note-draft")
    ResponseEntity<NoteDraftView> draft(@PathVariable UUID id) {
        return drafts.draft(id)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PutMapping("/api/encounters/{id}/note-draft")
    NoteDraftView save(@PathVariable UUID id, @Valid @RequestBody NoteDraftRequest body) {
        return drafts.save(id, body);
    }

    @DeleteMapping("/api/encounters/{id}/note-draft")
    ResponseEntity<Void> discard(@PathVariable UUID id) {
        drafts.discard(id);
        return ResponseEntity.noContent().build();
    }
}
