package org.cdss.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.records.RecordViews.NoteDocumentView;
import org.cdss.shared.DomainException;
import org.cdss.shared.PageView;
import org.cdss.shared.db.UtcTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOAP notes one by one, by patient and version by version, as documents (the FHIR facade's {@code DocumentReference},
 * ADR 0047): the same readers as the chart's notes ({@link RecordAccess#requireChartReader}: chart readers, or the
 * patient themself; anything else is 404), one audit record per read. The versions are the append-only
 * {@code clinical_note_version} rows (ADR 0015), so an earlier version reads exactly as it was written.
 */
@Service
public class NoteQueries {

    private static final String SELECT = "SELECT n.id, n.patient_id, n.encounter_id, e.status AS encounter_status,"
            + " e.started_at, e.ended_at, n.authored_by, n.authored_by_name, n.authored_at,"
            + " n.version AS current_version, v.version, v.subjective, v.objective, v.assessment, v.plan,"
            + " v.written_by, v.written_by_name, v.written_at, v.reason"
            + " FROM clinical_note n JOIN encounter e ON e.id = n.encounter_id"
            + " JOIN clinical_note_version v ON v.note_id = n.id";

    /**
     * Which of a patient's notes a search wants: written (first version) and last changed (current version) within
     * inclusive bounds, and of valid visits ({@code valid}), of visits entered in error ({@code enteredInError}), both
     * or — neither — none.
     */
    public record NoteFilter(
            @Nullable Instant authoredFrom,
            @Nullable Instant authoredTo,
            @Nullable Instant changedFrom,
            @Nullable Instant changedTo,
            boolean valid,
            boolean enteredInError) {}

    private final JdbcClient jdbc;
    private final RecordAccess access;

    NoteQueries(JdbcClient jdbc, RecordAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** A page of the patient's notes as they read now, newest first; audited as {@code NOTE_LIST}. */
    @Transactional(readOnly = true)
    public PageView<NoteDocumentView> notes(UUID patientId, NoteFilter filter, int page, int size) {
        access.requireChartReader(patientId, "NOTE_LIST", "Patient", patientId);
        StringBuilder where = new StringBuilder(" AND v.version = n.version WHERE n.patient_id = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", patientId.toString());
        bound(where, params, "n.authored_at >= :af", "af", filter.authoredFrom());
        bound(where, params, "n.authored_at <= :at", "at", filter.authoredTo());
        bound(where, params, "v.written_at >= :cf", "cf", filter.changedFrom());
        bound(where, params, "v.written_at <= :ct", "ct", filter.changedTo());
        if (!filter.valid() && !filter.enteredInError()) {
            where.append(" AND 1 = 0");
        } else if (!filter.valid()) {
            where.append(" AND e.status = 'ENTERED_IN_ERROR'");
        } else if (!filter.enteredInError()) {
            where.append(" AND e.status <> 'ENTERED_IN_ERROR'");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM clinical_note n JOIN encounter e ON e.id = n.encounter_id"
                        + " JOIN clinical_note_version v ON v.note_id = n.id" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<NoteDocumentView> rows = jdbc.sql(
                        SELECT + where + " ORDER BY n.authored_at DESC, n.id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(NoteQueries::view)
                .list();
        return PageView.of(rows, page, size, total);
    }

    /** A note as it reads now; audited as {@code NOTE_READ}. */
    @Transactional(readOnly = true)
    public NoteDocumentView note(UUID noteId) {
        access.requireChartReader(patientOf(noteId), "NOTE_READ", "ClinicalNote", noteId);
        return versions(noteId, " AND v.version = n.version").getFirst();
    }

    /** One version of a note (0 the original); audited as {@code NOTE_HISTORY_READ}, 404 for a version it never had. */
    @Transactional(readOnly = true)
    public NoteDocumentView version(UUID noteId, long version) {
        access.requireChartReader(patientOf(noteId), "NOTE_HISTORY_READ", "ClinicalNote", noteId);
        List<NoteDocumentView> found = versions(noteId, " AND v.version = " + version);
        if (found.isEmpty()) {
            throw new DomainException(RecordProblem.NOT_FOUND);
        }
        return found.getFirst();
    }

    /** Every version of a note, the current one first; audited as {@code NOTE_HISTORY_READ}. */
    @Transactional(readOnly = true)
    public List<NoteDocumentView> history(UUID noteId) {
        access.requireChartReader(patientOf(noteId), "NOTE_HISTORY_READ", "ClinicalNote", noteId);
        return versions(noteId, "");
    }

    /** The note's patient, for the access check; unknown notes are 404 before anything is read or audited. */
    private UUID patientOf(UUID noteId) {
        return jdbc.sql("SELECT patient_id FROM clinical_note WHERE id = :id")
                .param("id", noteId.toString())
                .query((rs, n) -> RecordQueries.uuid(rs, "patient_id"))
                .optional()
                .orElseThrow(() -> new DomainException(RecordProblem.NOT_FOUND));
    }

    private List<NoteDocumentView> versions(UUID noteId, String join) {
        return jdbc.sql(SELECT + join + " WHERE n.id = :id ORDER BY v.version DESC")
                .param("id", noteId.toString())
                .query(NoteQueries::view)
                .list();
    }

    private static void bound(
            StringBuilder where, Map<String, Object> params, String condition, String name, @Nullable Instant at) {
        if (at != null) {
            where.append(" AND ").append(condition);
            params.put(name, UtcTimestamps.toColumn(at));
        }
    }

    private static NoteDocumentView view(ResultSet rs, int n) throws SQLException {
        return new NoteDocumentView(
                RecordQueries.uuid(rs, "id"),
                RecordQueries.uuid(rs, "patient_id"),
                RecordQueries.uuid(rs, "encounter_id"),
                EncounterStatus.valueOf(rs.getString("encounter_status")),
                UtcTimestamps.read(rs, "started_at"),
                UtcTimestamps.read(rs, "ended_at"),
                RecordQueries.uuid(rs, "authored_by"),
                rs.getString("authored_by_name"),
                UtcTimestamps.read(rs, "authored_at"),
                rs.getLong("version"),
                rs.getLong("current_version"),
                rs.getString("subjective"),
                rs.getString("objective"),
                rs.getString("assessment"),
                rs.getString("plan"),
                RecordQueries.uuid(rs, "written_by"),
                rs.getString("written_by_name"),
                UtcTimestamps.read(rs, "written_at"),
                rs.getString("reason"));
    }
}
