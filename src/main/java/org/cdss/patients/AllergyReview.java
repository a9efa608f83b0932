package org.cdss.patients;

import java.time.Clock;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.shared.DomainException;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "No known allergies — confirmed by whom, when" (issue 15 item 1), distinct from an allergy list never recorded: a
 * clinician confirms that the patient has none, which the banner then shows with the name and time. Refused while an
 * active allergy is recorded; recording an allergy clears it ({@link #clear}). Audited.
 */
@Service
class AllergyReview {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    AllergyReview(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    public void confirmNone(UUID patientId) {
        CdssPrincipal user = CurrentUser.require();
        // the patient row is locked first, and recording an allergy updates that row (clear): a confirmation and a
        // new allergy are serialised, so "no known allergies" can never be stored beside an active allergy
        boolean activeRecord = jdbc.sql("SELECT active FROM patient WHERE id = :p FOR UPDATE")
                .param("p", patientId.toString())
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new DomainException(PatientProblem.NOT_FOUND));
        if (!activeRecord) {
            throw PatientDirectory.inactive(""); // a merged record's allergies are on its survivor
        }
        long active = jdbc.sql("SELECT COUNT(*) FROM patient_allergy WHERE patient_id = :p AND status = 'ACTIVE'")
                .param("p", patientId.toString())
                .query(Long.class)
                .single();
        if (active > 0) {
            throw new DomainException(PatientProblem.ALLERGIES_RECORDED);
        }
        String name = user.displayName() == null
                ? null
                : user.displayName()
                        .substring(0, Math.min(100, user.displayName().length()));
        int updated = jdbc.sql("UPDATE patient SET allergies_none_at = :at, allergies_none_by = :by, "
                        + "allergies_none_by_name = :name WHERE id = :p")
                .param("at", UtcTimestamps.toColumn(clock.instant()))
                .param("by", user.userId().toString())
                .param("name", name)
                .param("p", patientId.toString())
                .update();
        if (updated == 0) {
            throw new DomainException(PatientProblem.NOT_FOUND);
        }
        audit.record(AuditEvent.success("PATIENT_ALLERGY_NONE_CONFIRMED", "Patient", patientId, patientId));
    }

    /** Ends "no known allergies"; always updates (and so locks) the patient row, see {@link #confirmNone}. */
    static void clear(JdbcClient jdbc, UUID patientId) {
        jdbc.sql("UPDATE patient SET allergies_none_at = NULL, allergies_none_by = NULL, allergies_none_by_name = NULL "
                        + "WHERE id = :p")
                .param("p", patientId.toString())
                .update();
    }
}
