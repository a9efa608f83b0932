package org.cdss.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The patient's other medication orders as order entry weighs them: the ingredients the safety check counts as
 * current medication ({@link OrderSafetyGate}) and the open orders of the same ingredient that the duplicate-order
 * rule names ({@link OrderForms}). Both read only the patient's medication orders (index of V41) and exclude the order
 * being checked; neither checks access (their callers have) or audits (the command does).
 */
@Component
class OpenMedicationOrders {

    private final JdbcClient jdbc;
    private final Clock clock;

    OpenMedicationOrders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Ingredients of the patient's other active medication orders (sent, in progress, or dispensed and running). A
     * dispensed order that a revision replaces (a dose change) is not running any more: the revision is what the
     * patient takes, and its check would otherwise find its own predecessor as a duplicate — {@code replacedOrderId}
     * names the predecessor of the order being checked (not stored yet when a revision is created), the subquery the
     * predecessors of stored revisions.
     */
    List<String> activeMedicationDrugIds(UUID patientId, UUID exceptOrderId, UUID replacedOrderId) {
        return jdbc
                .sql("SELECT o.med_drug_id, o.status, o.completed_at, o.med_duration_days FROM clinical_order o "
                        + "WHERE o.patient_id = :p AND o.order_type = 'MEDICATION' AND o.id <> :x AND o.id <> :replaced "
                        + "AND o.status IN ('PENDING','SENT','IN_PROGRESS','COMPLETED') "
                        + "AND NOT (o.status = 'COMPLETED' AND EXISTS (SELECT 1 FROM clinical_order r "
                        + "WHERE r.patient_id = :p AND r.replaces_order_id = o.id AND r.status <> 'CANCELLED'))")
                .param("p", patientId.toString())
                .param("x", exceptOrderId == null ? "" : exceptOrderId.toString())
                .param("replaced", replacedOrderId == null ? "" : replacedOrderId.toString())
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    if (!"COMPLETED".equals(status)) {
                        return status.equals("PENDING") ? null : rs.getString("med_drug_id");
                    }
                    Instant done = UtcTimestamps.read(rs, "completed_at");
                    int days = rs.getInt("med_duration_days");
                    return done.plus(Duration.ofDays(days)).isAfter(clock.instant())
                            ? rs.getString("med_drug_id")
                            : null;
                })
                .list()
                .stream()
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /** Other not-final medication orders of the same ingredient for the patient (duplicate-order rule). */
    List<String> openOrdersOfDrug(UUID patientId, String drugId, UUID exceptOrderId) {
        return jdbc.sql("SELECT order_number FROM clinical_order WHERE patient_id = :p AND order_type = 'MEDICATION' "
                        + "AND med_drug_id = :d AND id <> :x AND status IN ('PENDING','SENT','IN_PROGRESS')")
                .param("p", patientId.toString())
                .param("d", drugId)
                .param("x", exceptOrderId == null ? "" : exceptOrderId.toString())
                .query(String.class)
                .list();
    }
}
