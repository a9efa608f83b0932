package org.cdss.orders;

import java.time.Clock;
import java.util.UUID;
import org.cdss.medsafety.PatientOrderActivity;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's open orders as the patient-view CDS Hooks card counts them ({@link PatientOrderActivity}, asked by
 * medsafety, which may not depend on orders): safety overrides on open orders, orders sent and past due, and lab,
 * imaging and tissue orders sent or in progress. Counted by the database; the caller audits the read.
 */
@Component
class OrderPatientActivity implements PatientOrderActivity {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderPatientActivity(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Activity activity(UUID patientId) {
        return jdbc.sql("SELECT "
                        + "(SELECT COUNT(*) FROM order_safety_override so JOIN clinical_order oo ON oo.id = so.order_id"
                        + " WHERE oo.patient_id = :patient AND oo.status IN ('PENDING','SENT','IN_PROGRESS')) AS overrides,"
                        + " SUM(CASE WHEN o.status = 'SENT' AND o.due_at < :now THEN 1 ELSE 0 END) AS overdue,"
                        + " SUM(CASE WHEN o.status IN ('SENT','IN_PROGRESS') AND o.order_type <> 'MEDICATION'"
                        + " THEN 1 ELSE 0 END) AS pending"
                        + " FROM clinical_order o WHERE o.patient_id = :patient")
                .param("patient", patientId.toString())
                .param("now", UtcTimestamps.toColumn(clock.instant()))
                .query((rs, n) -> new Activity(rs.getInt("overrides"), rs.getInt("overdue"), rs.getInt("pending")))
                .single();
    }
}
