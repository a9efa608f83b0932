package org.cdss.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cdss.identity.IdentityQueries;
import org.cdss.records.RecordViews.DiagnosisView;
import org.cdss.records.RecordViews.EncounterDetailView;
import org.cdss.records.RecordViews.EncounterView;
import org.cdss.records.RecordViews.NoteVersionView;
import org.cdss.records.RecordViews.NoteView;
import org.cdss.records.RecordViews.VitalsView;
import org.cdss.shared.DomainException;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the medical record, with their access rules and the audit record of each read (see
 * {@link RecordAccess}). A patient reads only their own; anything else is 404.
 */
@Service
public class RecordQueries {

    private static final int MAX_ENCOUNTERS = 500;
    private static final int MAX_VITALS = 1000;

    private final JdbcClient jdbc;
    private final RecordAccess access;
    private final IdentityQueries identity;

    RecordQueries(JdbcClient jdbc, RecordAccess access, IdentityQueries identity) {
        this.jdbc = jdbc;
        this.access = access;
        this.identity = identity;
    }

    /** A patient's visit history, newest first, each encounter with its diagnoses. */
    @Transactional(readOnly = true)
    public List<EncounterView> encounters(UUID patientId) {
        access.requireVisitReader(patientId, "ENCOUNTER_LIST", "Patient", patientId);
        List<EncounterRow> rows = jdbc.sql("SELECT * FROM encounter WHERE patient_id = :p "
                        + "ORDER BY started_at DESC, id LIMIT " + MAX_ENCOUNTERS)
                .param("p", patientId.toString())
                .query(RecordQueries::encounterRow)
                .list();
        Map<UUID, List<DiagnosisView>> diagnoses = jdbc
                .sql("SELECT * FROM encounter_diagnosis WHERE patient_id = :p "
                        + "ORDER BY is_primary DESC, recorded_at, id")
                .param("p", patientId.toString())
                .query(RecordQueries::diagnosis)
                .list()
                .stream()
                .collect(Collectors.groupingBy(DiagnosisView::encounterId));
        Map<UUID, String> names = new HashMap<>();
        return rows.stream()
                .map(r -> r.view(doctorName(names, r.doctorId()), diagnoses.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /**
     * A patient's vital signs of encounters not entered in error, newest first (at most {@value #MAX_VITALS}): chart
     * readers, or the patient themself, with one audit record (the FHIR facade's Observation search).
     */
    @Transactional(readOnly = true)
    public List<VitalsView> vitalSigns(UUID patientId) {
        access.requireChartReader(patientId, "VITALS_LIST", "Patient", patientId);
        return jdbc.sql("SELECT v.* FROM vital_signs v JOIN encounter e ON e.id = v.encounter_id"
                        + " WHERE v.patient_id = :p AND e.status <> 'ENTERED_IN_ERROR'"
                        + " ORDER BY v.measured_at DESC, v.id LIMIT " + MAX_VITALS)
                .param("p", patientId.toString())
                .query(RecordQueries::vitals)
                .list();
    }

    /**
     * The encounter a set of vital signs or a diagnosis belongs to, for reading it by its own id through
     * {@link #encounter(UUID)} (which checks access and audits). Empty for unknown ids; reveals nothing else.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> encounterOf(UUID vitalsOrDiagnosisId) {
        return jdbc.sql("SELECT encounter_id FROM vital_signs WHERE id = :id"
                        + " UNION ALL SELECT encounter_id FROM encounter_diagnosis WHERE id = :id")
                .param("id", vitalsOrDiagnosisId.toString())
                .query((rs, n) -> UUID.fromString(rs.getString(1).trim()))
                .optional();
    }

    /** One encounter with its notes, vitals and diagnoses: chart readers, or the patient themself. */
    @Transactional(readOnly = true)
    public EncounterDetailView encounter(UUID encounterId) {
        EncounterRow row = findRow(encounterId);
        access.requireChartReader(row.patientId(), "ENCOUNTER_READ", "Encounter", encounterId);
        return detail(row);
    }

    /**
     * The patient's most recent body weight in kg recorded in the last {@code days} days (vital signs of encounters
     * not entered in error), for weight-based dose checks. Not audited here: the caller's check audits its read of
     * the patient.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Double> recentWeightKg(UUID patientId, java.time.Instant now, int days) {
        return jdbc.sql("SELECT v.weight_kg FROM vital_signs v JOIN encounter e ON e.id = v.encounter_id "
                        + "WHERE v.patient_id = :p AND v.weight_kg IS NOT NULL AND e.status <> 'ENTERED_IN_ERROR' "
                        + "AND v.measured_at >= :since ORDER BY v.measured_at DESC, v.id DESC LIMIT 1")
                .param("p", patientId.toString())
                .param("since", UtcTimestamps.toColumn(now.minus(java.time.Duration.ofDays(days))))
                .query((rs, n) -> rs.getBigDecimal(1).doubleValue())
                .optional();
    }

    /** The latest recorded body weight, when it was measured; both null when none was ever recorded. */
    public record LatestWeightView(
            @org.jspecify.annotations.Nullable Double weightKg,
            java.time.@org.jspecify.annotations.Nullable Instant measuredAt) {}

    /**
     * The patient's latest recorded weight (vital signs of encounters not entered in error), for the patient banner
     * (issue 15 item 1): chart readers, or the patient themself; audited.
     */
    @Transactional(readOnly = true)
    public LatestWeightView latestWeight(UUID patientId) {
        access.requireChartReader(patientId, "WEIGHT_READ", "Patient", patientId);
        return jdbc.sql(
                        "SELECT v.weight_kg, v.measured_at FROM vital_signs v JOIN encounter e ON e.id = v.encounter_id "
                                + "WHERE v.patient_id = :p AND v.weight_kg IS NOT NULL AND e.status <> 'ENTERED_IN_ERROR' "
                                + "ORDER BY v.measured_at DESC, v.id DESC LIMIT 1")
                .param("p", patientId.toString())
                .query((rs, n) ->
                        new LatestWeightView(rs.getBigDecimal(1).doubleValue(), UtcTimestamps.read(rs, "measured_at")))
                .optional()
                .orElse(new LatestWeightView(null, null));
    }

    /** Not audited: for the command side, which audits its own write. */
    EncounterDetailView detailUnaudited(UUID encounterId) {
        return detail(findRow(encounterId));
    }

    /** The versions of a note of this encounter, the original first: chart readers, or the patient themself. */
    @Transactional(readOnly = true)
    public List<NoteVersionView> noteVersions(UUID encounterId, UUID noteId) {
        EncounterRow row = findRow(encounterId);
        access.requireChartReader(row.patientId(), "NOTE_HISTORY_READ", "ClinicalNote", noteId);
        List<NoteVersionView> versions = jdbc.sql("SELECT v.* FROM clinical_note_version v JOIN clinical_note n "
                        + "ON n.id = v.note_id WHERE v.note_id = :id AND n.encounter_id = :e ORDER BY v.version")
                .param("id", noteId.toString())
                .param("e", encounterId.toString())
                .query(RecordQueries::noteVersion)
                .list();
        if (versions.isEmpty()) {
            throw new DomainException(RecordProblem.NOT_FOUND);
        }
        return versions;
    }

    NoteView note(UUID noteId) {
        return jdbc.sql("SELECT * FROM clinical_note_current WHERE id = :id")
                .param("id", noteId.toString())
                .query(RecordQueries::note)
                .single();
    }

    VitalsView vitals(UUID vitalsId) {
        return jdbc.sql("SELECT * FROM vital_signs WHERE id = :id")
                .param("id", vitalsId.toString())
                .query(RecordQueries::vitals)
                .single();
    }

    DiagnosisView diagnosis(UUID diagnosisId) {
        return jdbc.sql("SELECT * FROM encounter_diagnosis WHERE id = :id")
                .param("id", diagnosisId.toString())
                .query(RecordQueries::diagnosis)
                .single();
    }

    private EncounterRow findRow(UUID encounterId) {
        return jdbc.sql("SELECT * FROM encounter WHERE id = :id")
                .param("id", encounterId.toString())
                .query(RecordQueries::encounterRow)
                .optional()
                .orElseThrow(() -> new DomainException(RecordProblem.NOT_FOUND));
    }

    private EncounterDetailView detail(EncounterRow row) {
        String e = row.id().toString();
        List<DiagnosisView> diagnoses = jdbc.sql("SELECT * FROM encounter_diagnosis WHERE encounter_id = :e "
                        + "ORDER BY is_primary DESC, recorded_at, id")
                .param("e", e)
                .query(RecordQueries::diagnosis)
                .list();
        List<NoteView> notes = jdbc.sql("SELECT * FROM clinical_note_current WHERE encounter_id = :e "
                        + "ORDER BY authored_at DESC, id")
                .param("e", e)
                .query(RecordQueries::note)
                .list();
        List<VitalsView> vitals = jdbc.sql(
                        "SELECT * FROM vital_signs WHERE encounter_id = :e " + "ORDER BY measured_at DESC, id")
                .param("e", e)
                .query(RecordQueries::vitals)
                .list();
        return new EncounterDetailView(row.view(doctorName(new HashMap<>(), row.doctorId()), diagnoses), notes, vitals);
    }

    private String doctorName(Map<UUID, String> cache, UUID doctorId) {
        return cache.computeIfAbsent(doctorId, d -> identity.staffName(d).orElse(null));
    }

    record EncounterRow(
            UUID id,
            UUID patientId,
            UUID appointmentId,
            UUID departmentId,
            UUID doctorId,
            EncounterStatus status,
            java.time.Instant startedAt,
            java.time.Instant endedAt,
            String voidReason,
            long version) {
        EncounterView view(String doctorName, List<DiagnosisView> diagnoses) {
            return new EncounterView(
                    id,
                    patientId,
                    appointmentId,
                    departmentId,
                    doctorId,
                    doctorName,
                    status,
                    startedAt,
                    endedAt,
                    voidReason,
                    diagnoses,
                    version);
        }
    }

    static EncounterRow encounterRow(ResultSet rs, int n) throws SQLException {
        return new EncounterRow(
                uuid(rs, "id"),
                uuid(rs, "patient_id"),
                uuid(rs, "appointment_id"),
                uuid(rs, "department_id"),
                uuid(rs, "doctor_id"),
                EncounterStatus.valueOf(rs.getString("status")),
                UtcTimestamps.read(rs, "started_at"),
                UtcTimestamps.read(rs, "ended_at"),
                rs.getString("void_reason"),
                rs.getLong("version"));
    }

    static NoteView note(ResultSet rs, int n) throws SQLException {
        return new NoteView(
                uuid(rs, "id"),
                uuid(rs, "encounter_id"),
                rs.getString("subjective"),
                rs.getString("objective"),
                rs.getString("assessment"),
                rs.getString("plan"),
                rs.getString("authored_by_name"),
                UtcTimestamps.read(rs, "authored_at"),
                UtcTimestamps.read(rs, "amended_at"),
                rs.getLong("version"),
                rs.getString("amended_by_name"));
    }

    static NoteVersionView noteVersion(ResultSet rs, int n) throws SQLException {
        return new NoteVersionView(
                uuid(rs, "note_id"),
                rs.getLong("version"),
                rs.getString("subjective"),
                rs.getString("objective"),
                rs.getString("assessment"),
                rs.getString("plan"),
                rs.getString("written_by_name"),
                UtcTimestamps.read(rs, "written_at"),
                rs.getString("reason"));
    }

    static VitalsView vitals(ResultSet rs, int n) throws SQLException {
        return new VitalsView(
                uuid(rs, "id"),
                uuid(rs, "encounter_id"),
                integer(rs, "systolic"),
                integer(rs, "diastolic"),
                integer(rs, "heart_rate"),
                integer(rs, "respiratory_rate"),
                rs.getBigDecimal("temperature_c"),
                integer(rs, "spo2"),
                rs.getBigDecimal("height_cm"),
                rs.getBigDecimal("weight_kg"),
                rs.getBigDecimal("bmi"),
                UtcTimestamps.read(rs, "measured_at"),
                rs.getString("recorded_by_name"));
    }

    static DiagnosisView diagnosis(ResultSet rs, int n) throws SQLException {
        return new DiagnosisView(
                uuid(rs, "id"),
                uuid(rs, "encounter_id"),
                rs.getString("code"),
                rs.getString("description"),
                rs.getBoolean("is_primary"),
                UtcTimestamps.read(rs, "recorded_at"),
                rs.getString("recorded_by_name"));
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : UUID.fromString(s.strip());
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
