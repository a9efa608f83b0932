package org.cdss.orders;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.cdss.medsafety.PatientOrderActivity;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's open orders as the patient-view CDS Hooks card counts them ({@link PatientOrderActivity}, asked by
 * medsafety, which may not depend on orders): safety overrides on open orders, orders sent and past due, and lab,
 * imaging and tissue orders sent or in progress — of the orders the caller may see ({@link OrderAccess#visibility}).
 * Counted by the database; the caller audits the read.
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
        // only the orders the caller may see are counted (ADR 0016: a count never includes rows the caller cannot
        // see): a pharmacist counts the sent medication orders routed to their pharmacy, not the doctors' drafts
        // An EHR registered by the hospital as a CDS Hooks client (ADR 0009) asks on behalf of its prescriber and holds
        // no role of ours: it counts as the care team does, rather than being told "0" for lack of a role.
        Map<String, Object> params = new HashMap<>();
        String visible = isCdsClient()
                ? ""
                : OrderAccess.visibility(CurrentUser.require()).sql(params);
        params.put("patient", patientId.toString());
        params.put("now", UtcTimestamps.toColumn(clock.instant()));
        return jdbc.sql("SELECT "
                        + "(SELECT COUNT(*) FROM order_safety_override so JOIN clinical_order o ON o.id = so.order_id"
                        + " WHERE o.patient_id = :patient AND o.status IN ('PENDING','SENT','IN_PROGRESS')" + visible
                        + ") AS overrides,"
                        + " (SELECT COUNT(*) FROM clinical_order o WHERE o.patient_id = :patient AND o.status = 'SENT'"
                        + " AND o.due_at < :now" + visible + ") AS overdue,"
                        + " (SELECT COUNT(*) FROM clinical_order o WHERE o.patient_id = :patient"
                        + " AND o.status IN ('SENT','IN_PROGRESS') AND o.order_type <> 'MEDICATION'" + visible
                        + ") AS pending")
                .params(params)
                .query((rs, n) -> new Activity(rs.getInt("overrides"), rs.getInt("overdue"), rs.getInt("pending")))
                .single();
    }

    private static boolean isCdsClient() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> "CDS_CLIENT".equals(a.getAuthority()));
    }
}
