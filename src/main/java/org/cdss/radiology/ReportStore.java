package org.cdss.radiology;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cdss.imaging.ImagingStudies;
import org.cdss.imaging.KeyImageSource;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report tables (JdbcClient). Optimistic locking is explicit: an update or the signature names the version the
 * radiologist saw and the state it expects ({@code WHERE version = :v AND status = 'DRAFT'}); zero rows updated means
 * another radiologist got there first. Addenda are only ever inserted.
 */
@Component
class ReportStore {

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReportRow> find(UUID id) {
        return jdbc.sql("SELECT * FROM radiology_report WHERE id = :id")
                .param("id", id.toString())
                .query(ReportStore::row)
                .optional();
    }

    Optional<ReportRow> findByOrder(UUID orderId) {
        return jdbc.sql("SELECT * FROM radiology_report WHERE order_id = :o")
                .param("o", orderId.toString())
                .query(ReportStore::row)
                .optional();
    }

    /** The reports of these orders, by order id. */
    Map<UUID, ReportRow> byOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT * FROM radiology_report WHERE order_id IN (:o)")
                .param("o", orderIds.stream().map(UUID::toString).toList())
                .query(ReportStore::row)
                .list()
                .stream()
                .collect(Collectors.toMap(ReportRow::orderId, r -> r));
    }

    /** A patient's reports, the signed ones newest first, then drafts. */
    List<ReportRow> forPatient(UUID patientId, boolean signedOnly) {
        return jdbc.sql("SELECT * FROM radiology_report WHERE patient_id = :p"
                        + (signedOnly ? " AND status = 'SIGNED'" : "")
                        + " ORDER BY signed_at DESC, created_at DESC, id")
                .param("p", patientId.toString())
                .query(ReportStore::row)
                .list();
    }

    void insert(ReportRow r) {
        jdbc.sql("INSERT INTO radiology_report (id, order_id, order_number, patient_id, ordered_by, department_id, "
                        + "modality, body_part, procedure_text, code_system, code, code_display, breast_imaging, "
                        + "status, findings, impression, recommendation, birads_category, critical_finding, "
                        + "acquired_at, created_by, created_at, updated_by, updated_at, version) VALUES (:id, :o, "
                        + ":num, :p, :ob, :d, :m, :bp, :proc, :cs, :c, :cd, :breast, 'DRAFT', :f, :i, :r, :b, :crit, "
                        + ":acq, :by, :at, :by, :at, 0)")
                .param("id", r.id().toString())
                .param("o", r.orderId().toString())
                .param("num", r.orderNumber())
                .param("p", r.patientId().toString())
                .param("ob", r.orderedBy().toString())
                .param("d", r.departmentId().toString())
                .param("m", r.modality())
                .param("bp", r.bodyPart())
                .param("proc", r.procedure())
                .param("cs", r.codeSystem())
                .param("c", r.code())
                .param("cd", r.codeDisplay())
                .param("breast", r.breastImaging())
                .param("f", r.findings())
                .param("i", r.impression())
                .param("r", r.recommendation())
                .param("b", r.biradsCategory())
                .param("crit", r.critical())
                .param("acq", r.acquiredAt() == null ? null : UtcTimestamps.toColumn(r.acquiredAt()))
                .param("by", r.createdBy().toString())
                .param("at", UtcTimestamps.toColumn(r.createdAt()))
                .update();
    }

    /** New content of a draft at the version the radiologist saw; false when it moved on (edited or signed). */
    boolean updateDraft(UUID id, long version, RisRequests.SaveDraft content, UUID by, Instant at) {
        return jdbc.sql("UPDATE radiology_report SET findings = :f, impression = :i, recommendation = :r, "
                                + "birads_category = :b, critical_finding = :crit, updated_by = :by, updated_at = :at, "
                                + "version = version + 1 WHERE id = :id AND version = :v AND status = 'DRAFT'")
                        .param("f", blankToNull(content.findings()))
                        .param("i", blankToNull(content.impression()))
                        .param("r", blankToNull(content.recommendation()))
                        .param("b", content.biradsCategory())
                        .param("crit", content.criticalFinding())
                        .param("by", by.toString())
                        .param("at", UtcTimestamps.toColumn(at))
                        .param("id", id.toString())
                        .param("v", version)
                        .update()
                == 1;
    }

    /** Signs the draft at the version the radiologist saw; false when another request changed or signed it first. */
    boolean sign(UUID id, long version, UUID by, String byName, Instant at) {
        return jdbc.sql("UPDATE radiology_report SET status = 'SIGNED', signed_by = :by, signed_by_name = :name, "
                                + "signed_at = :at, updated_by = :by, updated_at = :at, version = version + 1 "
                                + "WHERE id = :id AND version = :v AND status = 'DRAFT'")
                        .param("by", by.toString())
                        .param("name", byName)
                        .param("at", UtcTimestamps.toColumn(at))
                        .param("id", id.toString())
                        .param("v", version)
                        .update()
                == 1;
    }

    void insertAddendum(UUID id, UUID reportId, String body, boolean critical, UUID by, String byName, Instant at) {
        jdbc.sql("INSERT INTO radiology_report_addendum (id, report_id, body, critical_finding, signed_by, "
                        + "signed_by_name, signed_at) VALUES (:id, :r, :b, :c, :by, :name, :at)")
                .param("id", id.toString())
                .param("r", reportId.toString())
                .param("b", body)
                .param("c", critical)
                .param("by", by.toString())
                .param("name", byName)
                .param("at", UtcTimestamps.toColumn(at))
                .update();
    }

    List<AddendumView> addenda(UUID reportId) {
        return jdbc.sql("SELECT * FROM radiology_report_addendum WHERE report_id = :r ORDER BY signed_at, id")
                .param("r", reportId.toString())
                .query((rs, n) -> new AddendumView(
                        uuid(rs, "id"),
                        rs.getString("body"),
                        rs.getBoolean("critical_finding"),
                        uuid(rs, "signed_by"),
                        rs.getString("signed_by_name"),
                        UtcTimestamps.read(rs, "signed_at")))
                .list();
    }

    /**
     * Locks a draft report's row until the transaction ends (a no-op update), so that a signature cannot slip in
     * between the check and a key-image change; false when the report is no longer a draft.
     */
    boolean lockDraft(UUID id) {
        return jdbc.sql("UPDATE radiology_report SET version = version WHERE id = :id AND status = 'DRAFT'")
                        .param("id", id.toString())
                        .update()
                == 1;
    }

    /** Marks a key image by its SOP Instance UID (the caller checked that the report does not have it yet). */
    void insertKeyImage(UUID id, UUID reportId, UUID studyId, KeyImageSource.Instance image, UUID by, Instant at) {
        jdbc.sql("INSERT INTO radiology_report_key_image (id, report_id, study_id, series_uid, sop_instance_uid, "
                        + "instance_number, series_description, added_by, added_at) VALUES (:id, :r, :s, :series, "
                        + ":sop, :n, :d, :by, :at)")
                .param("id", id.toString())
                .param("r", reportId.toString())
                .param("s", studyId.toString())
                .param("series", image.seriesInstanceUid())
                .param("sop", image.sopInstanceUid())
                .param("n", image.instanceNumber())
                .param("d", truncate(image.seriesDescription(), 64))
                .param("by", by.toString())
                .param("at", UtcTimestamps.toColumn(at))
                .update();
    }

    /** Removes a key image of the report; false when it has no such key image. */
    boolean deleteKeyImage(UUID reportId, UUID keyImageId) {
        return jdbc.sql("DELETE FROM radiology_report_key_image WHERE id = :id AND report_id = :r")
                        .param("id", keyImageId.toString())
                        .param("r", reportId.toString())
                        .update()
                == 1;
    }

    /** The key images of a report, in the order they were marked. */
    List<KeyImageView> keyImages(UUID reportId) {
        return jdbc.sql("SELECT * FROM radiology_report_key_image WHERE report_id = :r ORDER BY added_at, id")
                .param("r", reportId.toString())
                .query((rs, n) -> {
                    UUID study = uuid(rs, "study_id");
                    String series = rs.getString("series_uid");
                    String sop = rs.getString("sop_instance_uid");
                    Integer index = nullableInt(rs, "instance_index");
                    return new KeyImageView(
                            uuid(rs, "id"),
                            study,
                            series,
                            sop,
                            nullableInt(rs, "instance_number"),
                            rs.getString("series_description"),
                            sop == null ? index : null,
                            sop != null
                                    ? ImagingStudies.imageUrl(study, series, sop)
                                    : ImagingStudies.positionUrl(study, series, index == null ? 0 : index),
                            UtcTimestamps.read(rs, "added_at"));
                })
                .list();
    }

    /** The addenda of a patient's reports (for the timeline), newest first. */
    List<AddendumRow> addendaOfPatient(UUID patientId, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.report_id, a.body, a.critical_finding, "
                + "a.signed_by_name, a.signed_at FROM radiology_report_addendum a JOIN radiology_report r "
                + "ON r.id = a.report_id WHERE r.patient_id = :p");
        if (from != null) {
            sql.append(" AND a.signed_at >= :from");
        }
        if (to != null) {
            sql.append(" AND a.signed_at < :to");
        }
        var spec = jdbc.sql(sql + " ORDER BY a.signed_at DESC, a.id").param("p", patientId.toString());
        if (from != null) {
            spec = spec.param("from", UtcTimestamps.toColumn(from));
        }
        if (to != null) {
            spec = spec.param("to", UtcTimestamps.toColumn(to));
        }
        return spec.query((rs, n) -> new AddendumRow(
                        uuid(rs, "id"),
                        uuid(rs, "report_id"),
                        rs.getString("body"),
                        rs.getBoolean("critical_finding"),
                        rs.getString("signed_by_name"),
                        UtcTimestamps.read(rs, "signed_at")))
                .list();
    }

    record AddendumRow(UUID id, UUID reportId, String body, boolean critical, String signedByName, Instant signedAt) {}

    static ReportRow row(ResultSet rs, int n) throws SQLException {
        Object birads = rs.getObject("birads_category");
        return new ReportRow(
                uuid(rs, "id"),
                uuid(rs, "order_id"),
                rs.getString("order_number"),
                uuid(rs, "patient_id"),
                uuid(rs, "ordered_by"),
                uuid(rs, "department_id"),
                rs.getString("modality"),
                rs.getString("body_part"),
                rs.getString("procedure_text"),
                rs.getString("code_system"),
                rs.getString("code"),
                rs.getString("code_display"),
                rs.getBoolean("breast_imaging"),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getString("findings"),
                rs.getString("impression"),
                rs.getString("recommendation"),
                birads == null ? null : rs.getInt("birads_category"),
                rs.getBoolean("critical_finding"),
                UtcTimestamps.read(rs, "acquired_at"),
                uuid(rs, "created_by"),
                UtcTimestamps.read(rs, "created_at"),
                uuid(rs, "updated_by"),
                UtcTimestamps.read(rs, "updated_at"),
                uuid(rs, "signed_by"),
                rs.getString("signed_by_name"),
                UtcTimestamps.read(rs, "signed_at"),
                rs.getLong("version"));
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : UUID.fromString(v.trim());
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
