package org.cdss.imaging;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cdss.shared.db.ColumnText;
import org.cdss.shared.db.UtcTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code imaging_study} and {@code imaging_order_accession} (JdbcClient; no aggregate life cycle). */
@Component
class StudyRecords {

    enum LinkStatus {
        LINKED,
        MISMATCH,
        UNMATCHED
    }

    record StudyRow(
            UUID id,
            String studyInstanceUid,
            String archiveId,
            @Nullable String dicomPatientId,
            @Nullable String accessionNumber,
            @Nullable String description,
            @Nullable LocalDate studyDate,
            LinkStatus linkStatus,
            @Nullable UUID patientId,
            @Nullable UUID intendedPatientId,
            @Nullable UUID orderId,
            Instant receivedAt,
            long version) {

        @Override
        public String toString() {
            return "StudyRow[" + id + ", " + linkStatus + "]";
        }
    }

    record AccessionRow(UUID orderId, String accessionNumber, String studyInstanceUid, UUID patientId, String state) {}

    private static final String COLUMNS = "id, study_instance_uid, archive_id, dicom_patient_id, accession_number,"
            + " description, study_date, link_status, patient_id, intended_patient_id, order_id, received_at, version";

    private final JdbcClient jdbc;

    StudyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StudyRow> byUid(String studyInstanceUid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM imaging_study WHERE study_instance_uid = :u")
                .param("u", studyInstanceUid)
                .query(StudyRecords::study)
                .optional();
    }

    Optional<StudyRow> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM imaging_study WHERE id = :id")
                .param("id", id.toString())
                .query(StudyRecords::study)
                .optional();
    }

    List<StudyRow> ofPatient(UUID patientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM imaging_study WHERE patient_id = :p"
                        + " ORDER BY study_date DESC, received_at DESC")
                .param("p", patientId.toString())
                .query(StudyRecords::study)
                .list();
    }

    List<StudyRow> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM imaging_study WHERE order_id = :o ORDER BY received_at")
                .param("o", orderId.toString())
                .query(StudyRecords::study)
                .list();
    }

    /** Studies waiting for a person's decision (not linked to any patient), newest first. */
    /** Studies no imaging order asked for (linked to a patient or not), newest first. */
    List<StudyRow> withoutOrder(int limit) {
        try (java.util.stream.Stream<StudyRow> rows = jdbc
                .sql("SELECT " + COLUMNS + " FROM imaging_study WHERE order_id IS NULL ORDER BY received_at DESC")
                .query(StudyRecords::study)
                .stream()) {
            return rows.limit(limit).toList();
        }
    }

    List<StudyRow> unlinked(int limit) {
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM imaging_study WHERE link_status <> 'LINKED'"
                        + " ORDER BY received_at DESC")
                .query(StudyRecords::study)
                .list()
                .stream()
                .limit(limit)
                .toList();
    }

    void insert(StudyRow s) {
        jdbc.sql("INSERT INTO imaging_study (" + COLUMNS + ") VALUES (:id, :uid, :aid, :dpid, :acc, :descr, :date,"
                        + " :status, :patient, :intended, :orderId, :received, 0)")
                .param("id", s.id().toString())
                .param("uid", s.studyInstanceUid())
                .param("aid", s.archiveId())
                .param("dpid", ColumnText.fit(s.dicomPatientId(), 64))
                .param("acc", ColumnText.fit(s.accessionNumber(), 16))
                .param("descr", ColumnText.fit(s.description(), 200))
                .param("date", s.studyDate() == null ? null : Date.valueOf(s.studyDate()))
                .param("status", s.linkStatus().name())
                .param("patient", str(s.patientId()))
                .param("intended", str(s.intendedPatientId()))
                .param("orderId", str(s.orderId()))
                .param("received", UtcTimestamps.toColumn(s.receivedAt()))
                .update();
    }

    /** Links the study to a patient (clearing a pending mismatch); false when someone changed it meanwhile. */
    boolean linkPatient(StudyRow s, UUID patientId, @Nullable UUID by, Instant at, @Nullable String reason) {
        return jdbc.sql("UPDATE imaging_study SET link_status = 'LINKED', patient_id = :p, intended_patient_id = NULL,"
                                + " linked_at = :at, linked_by = :by, link_reason = :r, version = version + 1"
                                + " WHERE id = :id AND version = :v")
                        .param("p", patientId.toString())
                        .param("at", UtcTimestamps.toColumn(at))
                        .param("by", str(by))
                        .param("r", ColumnText.fit(reason, 500))
                        .param("id", s.id().toString())
                        .param("v", s.version())
                        .update()
                == 1;
    }

    /** Records the patient an upload was meant for, on a study not linked to anyone (MISMATCH). */
    void expectPatient(StudyRow s, UUID intended) {
        jdbc.sql("UPDATE imaging_study SET link_status = 'MISMATCH', intended_patient_id = :p, version = version + 1"
                        + " WHERE id = :id AND link_status <> 'LINKED'")
                .param("p", intended.toString())
                .param("id", s.id().toString())
                .update();
    }

    boolean linkOrder(StudyRow s, UUID orderId) {
        return jdbc.sql("UPDATE imaging_study SET order_id = :o, version = version + 1"
                                + " WHERE id = :id AND order_id IS NULL")
                        .param("o", orderId.toString())
                        .param("id", s.id().toString())
                        .update()
                == 1;
    }

    Optional<AccessionRow> accessionOfOrder(UUID orderId) {
        return jdbc.sql("SELECT order_id, accession_number, study_instance_uid, patient_id, state"
                        + " FROM imaging_order_accession WHERE order_id = :o")
                .param("o", orderId.toString())
                .query(StudyRecords::accession)
                .optional();
    }

    Optional<AccessionRow> accession(String accessionNumber) {
        return jdbc.sql("SELECT order_id, accession_number, study_instance_uid, patient_id, state"
                        + " FROM imaging_order_accession WHERE accession_number = :a")
                .param("a", accessionNumber)
                .query(StudyRecords::accession)
                .optional();
    }

    /** Accessions still waiting for their study (worklist entries that should exist), oldest first. */
    List<AccessionRow> scheduledAccessions(int limit) {
        try (java.util.stream.Stream<AccessionRow> rows = jdbc
                .sql("SELECT order_id, accession_number, study_instance_uid, patient_id, state"
                        + " FROM imaging_order_accession WHERE state = 'SCHEDULED' ORDER BY created_at")
                .query(StudyRecords::accession)
                .stream()) {
            return rows.limit(limit).toList();
        }
    }

    void insertAccession(AccessionRow a, Instant at) {
        jdbc.sql("INSERT INTO imaging_order_accession (order_id, accession_number, study_instance_uid, patient_id,"
                        + " state, created_at) VALUES (:o, :a, :u, :p, :s, :at)")
                .param("o", a.orderId().toString())
                .param("a", a.accessionNumber())
                .param("u", a.studyInstanceUid())
                .param("p", a.patientId().toString())
                .param("s", a.state())
                .param("at", UtcTimestamps.toColumn(at))
                .update();
    }

    /** Moves an accession out of SCHEDULED; false when it already was (someone else did it). */
    boolean accessionState(UUID orderId, String state, Instant at) {
        return jdbc.sql("UPDATE imaging_order_accession SET state = :s, arrived_at = :at"
                                + " WHERE order_id = :o AND state = 'SCHEDULED'")
                        .param("s", state)
                        .param("at", UtcTimestamps.toColumn(at))
                        .param("o", orderId.toString())
                        .update()
                == 1;
    }

    /**
     * Creates the archive's change-feed cursor (at 0) unless it exists. Call it outside a transaction: a concurrent
     * insert of the same row fails with a duplicate key, which is fine here but would abort a PostgreSQL transaction.
     */
    void ensureCursor(String archive) {
        if (cursor(archive).isPresent()) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO imaging_change_cursor (archive, last_seq) VALUES (:a, 0)")
                    .param("a", archive)
                    .update();
        } catch (DuplicateKeyException raced) {
            // another instance (or poll) created it first
        }
    }

    /** The archive's cursor, read without a lock. */
    Optional<Long> cursor(String archive) {
        return jdbc.sql("SELECT last_seq FROM imaging_change_cursor WHERE archive = :a")
                .param("a", archive)
                .query(Long.class)
                .optional();
    }

    /** Locks the archive's change-feed cursor for this transaction and answers the last processed Seq. */
    long lockCursor(String archive) {
        return jdbc.sql("SELECT last_seq FROM imaging_change_cursor WHERE archive = :a FOR UPDATE")
                .param("a", archive)
                .query(Long.class)
                .single();
    }

    void saveCursor(String archive, long seq) {
        jdbc.sql("UPDATE imaging_change_cursor SET last_seq = :s WHERE archive = :a")
                .param("s", seq)
                .param("a", archive)
                .update();
    }

    private static StudyRow study(ResultSet rs, int n) throws SQLException {
        Date date = rs.getDate("study_date");
        return new StudyRow(
                UUID.fromString(rs.getString("id").trim()),
                rs.getString("study_instance_uid"),
                rs.getString("archive_id"),
                rs.getString("dicom_patient_id"),
                rs.getString("accession_number"),
                rs.getString("description"),
                date == null ? null : date.toLocalDate(),
                LinkStatus.valueOf(rs.getString("link_status")),
                uuid(rs.getString("patient_id")),
                uuid(rs.getString("intended_patient_id")),
                uuid(rs.getString("order_id")),
                UtcTimestamps.read(rs, "received_at"),
                rs.getLong("version"));
    }

    private static AccessionRow accession(ResultSet rs, int n) throws SQLException {
        return new AccessionRow(
                UUID.fromString(rs.getString("order_id").trim()),
                rs.getString("accession_number"),
                rs.getString("study_instance_uid"),
                UUID.fromString(rs.getString("patient_id").trim()),
                rs.getString("state"));
    }

    private static @Nullable UUID uuid(@Nullable String s) {
        return s == null ? null : UUID.fromString(s.trim());
    }

    private static @Nullable String str(@Nullable UUID id) {
        return id == null ? null : id.toString();
    }
}
