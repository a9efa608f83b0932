package org.cdss.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.cdss.shared.db.UtcTimestamps;

/**
 * An order as the reads show it ({@link OrderQueries}, the timeline), mapped from {@link #SELECT}'s row; split out of
 * {@link OrderQueries}.
 */
record OrderRow(
        UUID id,
        String number,
        UUID patientId,
        OrderType type,
        OrderPriority priority,
        OrderStatus status,
        UUID department,
        UUID orderedBy,
        Instant dueAt,
        String indication,
        UUID replaces,
        OrderDetails.Medication medication,
        String drugName,
        OrderDetails.LabTest labTest,
        OrderDetails.Imaging imaging,
        OrderDetails.TissueExam tissueExam,
        String summary,
        String labNameEn,
        String labNameKo,
        String cancelReason,
        CancelCause cancelCause,
        Boolean checkComplete,
        Integer checkBlocking,
        Instant createdAt,
        Instant sentAt,
        Instant startedAt,
        Instant completedAt,
        Instant cancelledAt,
        long version,
        int overrides,
        int messages) {

    /** An order with its lab test name and counts of overrides and messages, for {@link #from}. */
    static final String SELECT = "SELECT o.*, lt.name_en AS lab_name, lt.name_ko AS lab_name_ko, "
            + "(SELECT COUNT(*) FROM order_safety_override so WHERE so.order_id = o.id) AS override_count, "
            + "(SELECT COUNT(*) FROM order_message om WHERE om.order_id = o.id) AS message_count "
            + "FROM clinical_order o "
            + "LEFT JOIN lab_test lt ON lt.code = o.lab_test_code ";

    /** What is ordered, for the UI to write in the reader's language ({@link OrderView.OrderItem}). */
    OrderView.OrderItem item() {
        return new OrderView.OrderItem(medication, drugName, labTest, labNameEn, labNameKo, imaging, tissueExam);
    }

    /** A row of {@link #SELECT}. */
    static OrderRow from(ResultSet rs, int n) throws SQLException {
        OrderType type = OrderType.valueOf(rs.getString("order_type"));
        OrderDetails.Medication medication = null;
        OrderDetails.LabTest labTest = null;
        OrderDetails.Imaging imaging = null;
        OrderDetails.TissueExam tissue = null;
        String summary;
        switch (type) {
            case MEDICATION -> {
                BigDecimal quantity = rs.getBigDecimal("med_quantity");
                medication = new OrderDetails.Medication(
                        rs.getString("med_drug_id"),
                        strip(rs.getBigDecimal("med_dose")),
                        rs.getString("med_dose_unit"),
                        OrderDetails.Route.valueOf(rs.getString("med_route")),
                        OrderDetails.Frequency.valueOf(rs.getString("med_frequency")),
                        rs.getInt("med_duration_days"),
                        quantity == null ? null : strip(quantity),
                        rs.getString("med_instructions"));
                summary = rs.getString("med_drug_name") + " "
                        + medication.dose().toPlainString() + " "
                        + medication.doseUnit() + " " + medication.route() + " " + medication.frequency() + " × "
                        + medication.durationDays() + " d";
            }
            case LAB_TEST -> {
                labTest = new OrderDetails.LabTest(rs.getString("lab_test_code"), rs.getString("lab_specimen"));
                summary = labTest.testCode() + " " + rs.getString("lab_name");
            }
            case IMAGING -> {
                imaging = new OrderDetails.Imaging(
                        OrderDetails.Modality.valueOf(rs.getString("img_modality")),
                        rs.getString("img_body_part"),
                        OrderDetails.Laterality.valueOf(rs.getString("img_laterality")),
                        rs.getBoolean("img_contrast"));
                summary = imaging.modality() + " " + imaging.bodyPart()
                        + (imaging.laterality() == OrderDetails.Laterality.NOT_APPLICABLE
                                ? ""
                                : " (" + imaging.laterality().name().toLowerCase(java.util.Locale.ROOT) + ")")
                        + (imaging.contrast() ? " + contrast" : "");
            }
            case TISSUE_EXAM -> {
                tissue = new OrderDetails.TissueExam(
                        rs.getString("tissue_specimen"), rs.getString("tissue_site"), rs.getString("tissue_question"));
                summary = tissue.specimen() + " — " + tissue.site();
            }
            default -> throw new IllegalStateException();
        }
        Object blocking = rs.getObject("last_check_blocking");
        Object complete = rs.getObject("last_check_complete");
        return new OrderRow(
                OrderRecords.uuid(rs, "id"),
                rs.getString("order_number"),
                OrderRecords.uuid(rs, "patient_id"),
                type,
                OrderPriority.valueOf(rs.getString("priority")),
                OrderStatus.valueOf(rs.getString("status")),
                OrderRecords.uuid(rs, "target_department_id"),
                OrderRecords.uuid(rs, "ordered_by"),
                UtcTimestamps.read(rs, "due_at"),
                rs.getString("indication"),
                OrderRecords.uuid(rs, "replaces_order_id"),
                medication,
                rs.getString("med_drug_name"),
                labTest,
                imaging,
                tissue,
                summary,
                labTest == null ? null : rs.getString("lab_name"),
                labTest == null ? null : rs.getString("lab_name_ko"),
                rs.getString("cancel_reason"),
                cancelCause(rs.getString("cancel_cause")),
                complete == null ? null : rs.getBoolean("last_check_complete"),
                blocking == null ? null : rs.getInt("last_check_blocking"),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "sent_at"),
                UtcTimestamps.read(rs, "started_at"),
                UtcTimestamps.read(rs, "completed_at"),
                UtcTimestamps.read(rs, "cancelled_at"),
                rs.getLong("version"),
                rs.getInt("override_count"),
                rs.getInt("message_count"));
    }

    private static CancelCause cancelCause(String code) {
        return code == null ? null : CancelCause.valueOf(code);
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }
}
