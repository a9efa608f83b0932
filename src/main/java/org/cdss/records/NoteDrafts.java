package org.cdss.records;

import static org.cdss.records.RecordRequests.NOTE_PART_MAX;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visit note drafts (ADR 0033): the SOAP text a doctor has typed in a visit and not yet saved, autosaved by the
 * browser. One draft per visit and author, seen only by its author, replaced by every autosave and deleted when the
 * note is written or amended ({@link NoteCommands}) or the doctor discards it. A draft is not part of the record
 * (nothing else reads it); its reads and writes are audited like the note's.
 */
@Service
public class NoteDrafts {

    /**
     * The draft as stored; {@code noteId} is the note it amends (null: a new note), {@code noteVersion} the version of
     * that note it was typed against.
     */
    public record NoteDraftView(
            UUID encounterId,
            UUID noteId,
            Long noteVersion,
            String subjective,
            String objective,
            String assessment,
            String plan,
            Instant savedAt) {}

    /**
     * An autosave: the four parts as typed (blank allowed) and the note being amended, if any, with the version of it
     * the doctor is amending.
     */
    public record NoteDraftRequest(
            UUID noteId,
            Long noteVersion,
            @Size(max = NOTE_PART_MAX) String subjective,
            @Size(max = NOTE_PART_MAX) String objective,
            @Size(max = NOTE_PART_MAX) String assessment,
            @Size(max = NOTE_PART_MAX) String plan) {}

    private final Encounters encounters;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    NoteDrafts(Encounters encounters, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.encounters = encounters;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The caller's draft of this visit's note, if one is saved and its note has not moved on since it was typed: a
     * draft of a new note once the visit has a note, or of a version that has since been amended, is stale (an
     * autosave that crossed the note's save) and not returned.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('DOCTOR')")
    public Optional<NoteDraftView> draft(UUID encounterId) {
        Encounter encounter = load(encounterId);
        UUID author = CurrentUser.require().userId();
        Optional<NoteDraftView> draft = jdbc.sql("""
                SELECT note_id, note_version, subjective, objective, assessment, plan, saved_at FROM note_draft
                WHERE encounter_id = :e AND author_id = :a""")
                .param("e", encounterId.toString())
                .param("a", author.toString())
                .query((rs, n) -> new NoteDraftView(
                        encounterId,
                        RecordQueries.uuid(rs, "note_id"),
                        rs.getObject("note_version") == null ? null : rs.getLong("note_version"),
                        rs.getString("subjective"),
                        rs.getString("objective"),
                        rs.getString("assessment"),
                        rs.getString("plan"),
                        UtcTimestamps.read(rs, "saved_at")))
                .optional()
                .filter(d -> current(encounterId, d.noteId(), d.noteVersion(), true));
        audit.record(AuditEvent.success("NOTE_DRAFT_READ", "Encounter", encounterId, encounter.patientId())
                .withDetail(draft.isPresent() ? "found" : "none"));
        return draft;
    }

    /**
     * Saves (replaces) the caller's draft; 409 on a voided visit, like the note itself, and 409 stale-version when
     * the note has moved on since the text was typed (a new note's draft once the visit has a note, an amendment's
     * draft once that version is amended): an autosave that crossed the note's save does not bring the draft back.
     */
    @Transactional
    @PreAuthorize("hasRole('DOCTOR')")
    public NoteDraftView save(UUID encounterId, NoteDraftRequest request) {
        Encounter encounter = load(encounterId);
        encounter.requireWritable();
        if (!current(encounterId, request.noteId(), request.noteVersion(), false)) {
            throw new DomainException(ProblemCode.STALE_VERSION);
        }
        UUID author = CurrentUser.require().userId();
        Soap text = new Soap(request.subjective(), request.objective(), request.assessment(), request.plan());
        Instant now = clock.instant();
        if (update(encounterId, author, request.noteId(), request.noteVersion(), text, now) == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO note_draft (encounter_id, author_id, note_id, note_version, subjective, objective,
                            assessment, plan, saved_at)
                        VALUES (:e, :a, :n, :v, :s, :o, :as, :p, :at)""")
                        .param("e", encounterId.toString())
                        .param("a", author.toString())
                        .param(
                                "n",
                                request.noteId() == null
                                        ? null
                                        : request.noteId().toString())
                        .param("v", request.noteVersion())
                        .param("s", text.subjective())
                        .param("o", text.objective())
                        .param("as", text.assessment())
                        .param("p", text.plan())
                        .param("at", UtcTimestamps.toColumn(now))
                        .update();
            } catch (DataIntegrityViolationException e) {
                // a concurrent autosave of the same author inserted first: this one replaces it
                update(encounterId, author, request.noteId(), request.noteVersion(), text, now);
            }
        }
        audit.record(AuditEvent.success("NOTE_DRAFT_SAVE", "Encounter", encounterId, encounter.patientId()));
        return new NoteDraftView(
                encounterId,
                request.noteId(),
                request.noteVersion(),
                text.subjective(),
                text.objective(),
                text.assessment(),
                text.plan(),
                now);
    }

    /** Deletes the caller's draft (none: nothing happens). */
    @Transactional
    @PreAuthorize("hasRole('DOCTOR')")
    public void discard(UUID encounterId) {
        Encounter encounter = load(encounterId);
        if (discardOwn(encounterId) > 0) {
            audit.record(AuditEvent.success("NOTE_DRAFT_DISCARD", "Encounter", encounterId, encounter.patientId()));
        }
    }

    /** The caller's draft is gone once the note is saved: called in the transaction that writes or amends it. */
    int discardOwn(UUID encounterId) {
        return jdbc.sql("DELETE FROM note_draft WHERE encounter_id = :e AND author_id = :a")
                .param("e", encounterId.toString())
                .param("a", CurrentUser.require().userId().toString())
                .update();
    }

    /**
     * Whether a draft typed against this note version is still current: a new note's ({@code noteId} null) while the
     * visit has no note, an amendment's while its note is at that version. A draft stored before V38 has no version
     * ({@code legacy}: its note's current one is assumed).
     */
    private boolean current(UUID encounterId, UUID noteId, Long noteVersion, boolean legacy) {
        if (noteId == null) {
            return jdbc.sql("SELECT COUNT(*) FROM clinical_note WHERE encounter_id = :e")
                            .param("e", encounterId.toString())
                            .query(Long.class)
                            .single()
                    == 0;
        }
        Optional<Long> version = jdbc.sql("SELECT version FROM clinical_note WHERE id = :id AND encounter_id = :e")
                .param("id", noteId.toString())
                .param("e", encounterId.toString())
                .query(Long.class)
                .optional();
        return version.isPresent()
                && (noteVersion == null ? legacy : version.get().equals(noteVersion));
    }

    private int update(UUID encounterId, UUID author, UUID noteId, Long noteVersion, Soap text, Instant now) {
        return jdbc.sql("""
                UPDATE note_draft SET note_id = :n, note_version = :v, subjective = :s, objective = :o, assessment = :as, plan = :p,
                    saved_at = :at
                WHERE encounter_id = :e AND author_id = :a""")
                .param("n", noteId == null ? null : noteId.toString())
                .param("v", noteVersion)
                .param("s", text.subjective())
                .param("o", text.objective())
                .param("as", text.assessment())
                .param("p", text.plan())
                .param("at", UtcTimestamps.toColumn(now))
                .param("e", encounterId.toString())
                .param("a", author.toString())
                .update();
    }

    private Encounter load(UUID encounterId) {
        return encounters.findById(encounterId).orElseThrow(() -> new DomainException(RecordProblem.NOT_FOUND));
    }
}
