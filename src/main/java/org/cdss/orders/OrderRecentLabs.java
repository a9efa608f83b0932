package org.cdss.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's latest lab values beside an order (issue 15 item 5): what a pharmacist needs to judge a dose
 * (creatinine, eGFR, potassium, INR, liver enzymes). Access goes through the order, not the patient: whoever may see
 * this order ({@link OrderAccess#visibility}; a pharmacist the sent medication orders of their pharmacy) reads the
 * lab values of its patient, and nothing else of the chart. The read is audited against the patient, like the other
 * reads of their data.
 */
@Service
class OrderRecentLabs {

    /** How many values at most, newest first. */
    static final int LIMIT = 20;

    private final OrderChanges changes;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    OrderRecentLabs(OrderChanges changes, JdbcClient jdbc, AuditLog audit) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * One lab value of the patient: the test's names in both languages (the reader's is chosen by the UI), the value
     * or text, unit, reference range, flag, and when it was entered; {@code orderId} is the lab order it belongs to.
     */
    public record RecentLabView(
            UUID orderId,
            String testCode,
            String nameEn,
            String nameKo,
            BigDecimal value,
            String text,
            String unit,
            BigDecimal refLow,
            BigDecimal refHigh,
            LabFlag flag,
            Instant enteredAt) {}

    @Transactional(readOnly = true)
    public List<RecentLabView> beside(UUID orderId) {
        CdssPrincipal user = OrderAccess.reader();
        Order order = changes.visible(orderId, user);
        List<RecentLabView> labs = jdbc.sql(
                        "SELECT r.order_id, r.test_code, t.name_en, t.name_ko, r.value_num, r.value_text, r.unit,"
                                + " r.ref_low, r.ref_high, r.flag, r.entered_at FROM lab_result r"
                                + " JOIN lab_test t ON t.code = r.test_code"
                                + " JOIN clinical_order o ON o.id = r.order_id"
                                + " WHERE o.patient_id = :p AND o.status = 'COMPLETED'"
                                + " ORDER BY r.entered_at DESC, r.test_code LIMIT " + LIMIT)
                .param("p", order.patientId().toString())
                .query((rs, n) -> new RecentLabView(
                        OrderRecords.uuid(rs, "order_id"),
                        rs.getString("test_code"),
                        rs.getString("name_en"),
                        rs.getString("name_ko"),
                        rs.getBigDecimal("value_num"),
                        rs.getString("value_text"),
                        rs.getString("unit"),
                        rs.getBigDecimal("ref_low"),
                        rs.getBigDecimal("ref_high"),
                        LabFlag.valueOf(rs.getString("flag")),
                        UtcTimestamps.read(rs, "entered_at")))
                .list();
        audit.record(new AuditEvent(
                "ORDER_RECENT_LABS_READ",
                "Order",
                orderId.toString(),
                order.patientId(),
                null,
                "results=" + labs.size(),
                null));
        return labs;
    }
}
