package org.cdss.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.db.RowIds;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only rows around an order: transitions (its timeline), lab results, dispenses, safety overrides and
 * the result text of imaging and tissue orders. Written in the transaction that changes the order.
 */
@Component
class OrderRecords {

    private final JdbcClient jdbc;

    OrderRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether an order already carries this number (numbers are random per day: see {@code OrderCommands}). */
    boolean numberTaken(String orderNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM clinical_order WHERE order_number = :n")
                        .param("n", orderNumber)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void transition(UUID orderId, OrderStatus from, OrderStatus to, UUID actor, Instant at, String note) {
        jdbc.sql("INSERT INTO order_transition (id, order_id, from_status, to_status, actor_id, occurred_at, note) "
                        + "VALUES (:id, :o, :f, :t, :a, :at, :n)")
                .param("id", RowIds.next().toString())
                .param("o", orderId.toString())
                .param("f", from == null ? null : from.name())
                .param("t", to.name())
                .param("a", actor.toString())
                .param("at", UtcTimestamps.toColumn(at))
                .param("n", blankToNull(note))
                .update();
    }

    void labResult(UUID orderId, LabTestView test, BigDecimal value, String text, LabFlag flag, UUID by, Instant at) {
        jdbc.sql("INSERT INTO lab_result (id, order_id, test_code, loinc, value_num, value_text, unit, ref_low, "
                        + "ref_high, flag, entered_by, entered_at) VALUES (:id, :o, :c, :l, :v, :x, :u, :lo, :hi, "
                        + ":f, :by, :at)")
                .param("id", RowIds.next().toString())
                .param("o", orderId.toString())
                .param("c", test.code())
                .param("l", test.loinc())
                .param("v", value)
                .param("x", blankToNull(text))
                .param("u", test.unit())
                .param("lo", test.refLow())
                .param("hi", test.refHigh())
                .param("f", flag.name())
                .param("by", by.toString())
                .param("at", UtcTimestamps.toColumn(at))
                .update();
    }

    void dispense(UUID orderId, BigDecimal quantity, String note, UUID by, Instant at) {
        jdbc.sql("INSERT INTO dispense_record (id, order_id, quantity, note, dispensed_by, dispensed_at) "
                        + "VALUES (:id, :o, :q, :n, :by, :at)")
                .param("id", RowIds.next().toString())
                .param("o", orderId.toString())
                .param("q", quantity)
                .param("n", blankToNull(note))
                .param("by", by.toString())
                .param("at", UtcTimestamps.toColumn(at))
                .update();
    }

    void override(
            UUID orderId,
            UUID checkId,
            String ruleId,
            String tier,
            String reasonCode,
            String comment,
            String alertType,
            String drugNames,
            UUID by,
            Instant at) {
        jdbc.sql("INSERT INTO order_safety_override (id, order_id, check_id, rule_id, tier, reason_code, comment, "
                        + "alert_type, drug_names, user_id, occurred_at) "
                        + "VALUES (:id, :o, :c, :r, :t, :rc, :cm, :ty, :dn, :u, :at)")
                .param("ty", alertType)
                .param("dn", drugNames.length() > 500 ? drugNames.substring(0, 500) : drugNames)
                .param("id", RowIds.next().toString())
                .param("o", orderId.toString())
                .param("c", checkId.toString())
                .param("r", ruleId)
                .param("t", tier)
                .param("rc", reasonCode)
                .param("cm", blankToNull(comment))
                .param("u", by.toString())
                .param("at", UtcTimestamps.toColumn(at))
                .update();
    }

    void resultText(UUID orderId, String body, UUID by, Instant at) {
        jdbc.sql("INSERT INTO order_result_text (order_id, body, entered_by, entered_at) VALUES (:o, :b, :by, :at)")
                .param("o", orderId.toString())
                .param("b", body)
                .param("by", by.toString())
                .param("at", UtcTimestamps.toColumn(at))
                .update();
    }

    // --- reads ---

    List<OrderDetailView.TransitionView> transitions(UUID orderId, java.util.function.Function<UUID, String> names) {
        return jdbc.sql("SELECT * FROM order_transition WHERE order_id = :o ORDER BY occurred_at, id")
                .param("o", orderId.toString())
                .query((rs, n) -> {
                    UUID actor = uuid(rs, "actor_id");
                    String from = rs.getString("from_status");
                    return new OrderDetailView.TransitionView(
                            from == null ? null : OrderStatus.valueOf(from),
                            OrderStatus.valueOf(rs.getString("to_status")),
                            actor,
                            names.apply(actor),
                            UtcTimestamps.read(rs, "occurred_at"),
                            rs.getString("note"));
                })
                .list();
    }

    List<OrderDetailView.LabResultView> labResults(UUID orderId) {
        // in the panel's order (a single test has no panel row)
        return jdbc.sql("SELECT r.*, t.name_en FROM lab_result r JOIN lab_test t ON t.code = r.test_code "
                        + "JOIN clinical_order o ON o.id = r.order_id LEFT JOIN lab_panel_member pm "
                        + "ON pm.panel_code = o.lab_test_code AND pm.test_code = r.test_code "
                        + "WHERE r.order_id = :o ORDER BY r.entered_at, pm.sort_order, r.test_code")
                .param("o", orderId.toString())
                .query((rs, n) -> new OrderDetailView.LabResultView(
                        rs.getString("test_code"),
                        rs.getString("loinc"),
                        rs.getString("name_en"),
                        rs.getBigDecimal("value_num"),
                        rs.getString("value_text"),
                        rs.getString("unit"),
                        rs.getBigDecimal("ref_low"),
                        rs.getBigDecimal("ref_high"),
                        LabFlag.valueOf(rs.getString("flag")),
                        uuid(rs, "entered_by"),
                        UtcTimestamps.read(rs, "entered_at")))
                .list();
    }

    List<OrderDetailView.DispenseView> dispenses(UUID orderId, java.util.function.Function<UUID, String> names) {
        return jdbc.sql("SELECT * FROM dispense_record WHERE order_id = :o ORDER BY dispensed_at, id")
                .param("o", orderId.toString())
                .query((rs, n) -> new OrderDetailView.DispenseView(
                        rs.getBigDecimal("quantity"),
                        rs.getString("note"),
                        uuid(rs, "dispensed_by"),
                        names.apply(uuid(rs, "dispensed_by")),
                        UtcTimestamps.read(rs, "dispensed_at")))
                .list();
    }

    List<OrderDetailView.OverrideView> overrides(UUID orderId) {
        return jdbc.sql("SELECT * FROM order_safety_override WHERE order_id = :o ORDER BY occurred_at, id")
                .param("o", orderId.toString())
                .query((rs, n) -> new OrderDetailView.OverrideView(
                        uuid(rs, "check_id"),
                        rs.getString("rule_id"),
                        rs.getString("tier"),
                        rs.getString("reason_code"),
                        rs.getString("comment"),
                        uuid(rs, "user_id"),
                        UtcTimestamps.read(rs, "occurred_at"),
                        rs.getString("alert_type"),
                        drugList(rs.getString("drug_names"))))
                .list();
    }

    /** The stored " + "-joined display names as a list (empty for overrides stored before they were kept). */
    private static List<String> drugList(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(" \\+ "));
    }

    String resultText(UUID orderId) {
        return jdbc.sql("SELECT body FROM order_result_text WHERE order_id = :o")
                .param("o", orderId.toString())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : UUID.fromString(v.trim());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
