package org.cdss.records;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.records.RecordViews.NoteView;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.db.ColumnText;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and amending SOAP notes on an encounter that is still open for writing (ADR 0015: a note's text is appended
 * version by version, never updated). Doctors only; each write discards the doctor's own draft of the encounter
 * ({@link NoteDrafts}) and is audited. The reads are {@link NoteQueries}' and {@link RecordQueries}'.
 */
@Service
public class NoteCommands {

    private final Encounters encounters;
    private final JdbcClient jdbc;
    private final RecordQueries queries;
    private final NoteDrafts drafts;
    private final AuditLog audit;
    private final Clock clock;

    NoteCommands(
            Encounters encounters,
            JdbcClient jdbc,
            RecordQueries queries,
            NoteDrafts drafts,
            AuditLog audit,
            Clock clock) {
        this.encounters = encounters;
        this.jdbc = jdbc;
        this.queries = queries;
        this.drafts = drafts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('DOCTOR')")
    public NoteView writeNote(UUID encounterId, String subjective, String objective, String assessment, String plan) {
        Encounter encounter = writable(encounterId);
        Soap text = requireText(new Soap(subjective, objective, assessment, plan));
        CdssPrincipal user = CurrentUser.require();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO clinical_note (id, encounter_id, patient_id, authored_by, authored_by_name, authored_at,
                    version)
                VALUES (:id, :e, :p, :by, :byName, :at, 0)""")
                .param("id", id.toString())
                .param("e", encounterId.toString())
                .param("p", encounter.patientId().toString())
                .param("by", user.userId().toString())
                .param("byName", ColumnText.fit(user.displayName(), 100))
                .param("at", UtcTimestamps.toColumn(clock.instant()))
                .update();
        insertVersion(id, 0, text, user, null);
        drafts.discardOwn(encounterId);
        audit.record(AuditEvent.success("NOTE_CREATE", "ClinicalNote", id, encounter.patientId()));
        return queries.note(id);
    }

    /**
     * Amends a note by appending its next version (ADR 0015): the text of every earlier version stays as it was.
     * The note's author amends it freely (a reason is optional); another doctor only with a reason, else 422
     * {@code record.amendment-reason-required}. {@code version} must be the one read, else 409 stale-version (no lost
     * update).
     */
    @Transactional
    @PreAuthorize("hasRole('DOCTOR')")
    public NoteView amendNote(
            UUID encounterId,
            UUID noteId,
            long version,
            String subjective,
            String objective,
            String assessment,
            String plan,
            String reason) {
        Encounter encounter = writable(encounterId);
        Soap text = requireText(new Soap(subjective, objective, assessment, plan));
        UUID author = jdbc.sql("SELECT authored_by FROM clinical_note WHERE id = :id AND encounter_id = :e")
                .param("id", noteId.toString())
                .param("e", encounterId.toString())
                .query((rs, n) -> RecordQueries.uuid(rs, "authored_by"))
                .optional()
                .orElseThrow(() -> new DomainException(RecordProblem.NOT_FOUND));
        CdssPrincipal user = CurrentUser.require();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null && !author.equals(user.userId())) {
            throw new DomainException(
                    RecordProblem.AMENDMENT_REASON_REQUIRED,
                    null,
                    List.of(new FieldProblem("/reason", "validation.required")));
        }
        // optimistic locking in one statement: an amendment committed since the caller read the note wins. Only the
        // pointer to the current version moves; the text is appended below and never updated.
        int changed = jdbc.sql("""
                UPDATE clinical_note SET version = version + 1, amended_by = :by, amended_by_name = :byName,
                    amended_at = :at
                WHERE id = :id AND encounter_id = :e AND version = :v""")
                .param("by", user.userId().toString())
                .param("byName", ColumnText.fit(user.displayName(), 100))
                .param("at", UtcTimestamps.toColumn(clock.instant()))
                .param("id", noteId.toString())
                .param("e", encounterId.toString())
                .param("v", version)
                .update();
        if (changed == 0) {
            throw new DomainException(ProblemCode.STALE_VERSION);
        }
        insertVersion(noteId, version + 1, text, user, why);
        drafts.discardOwn(encounterId);
        audit.record(AuditEvent.success("NOTE_AMEND", "ClinicalNote", noteId, encounter.patientId())
                .withDetail("version=" + (version + 1) + (author.equals(user.userId()) ? "" : ",by-other-doctor")));
        return queries.note(noteId);
    }

    private void insertVersion(UUID noteId, long version, Soap text, CdssPrincipal user, String reason) {
        jdbc.sql("""
                INSERT INTO clinical_note_version (note_id, version, subjective, objective, assessment, plan,
                    written_by, written_by_name, written_at, reason)
                VALUES (:id, :v, :s, :o, :a, :plan, :by, :byName, :at, :reason)""")
                .param("id", noteId.toString())
                .param("v", version)
                .param("s", text.subjective())
                .param("o", text.objective())
                .param("a", text.assessment())
                .param("plan", text.plan())
                .param("by", user.userId().toString())
                .param("byName", ColumnText.fit(user.displayName(), 100))
                .param("at", UtcTimestamps.toColumn(clock.instant()))
                .param("reason", reason)
                .update();
    }

    /** The encounter, or 404, when it still takes notes; the caller's role was checked by method security. */
    private Encounter writable(UUID encounterId) {
        Encounter encounter =
                encounters.findById(encounterId).orElseThrow(() -> new DomainException(RecordProblem.NOT_FOUND));
        encounter.requireWritable();
        return encounter;
    }

    private static Soap requireText(Soap text) {
        if (text.isEmpty()) {
            throw DomainException.invalidField("/assessment", "note.empty");
        }
        return text;
    }
}
