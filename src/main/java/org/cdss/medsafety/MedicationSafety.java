package org.cdss.medsafety;

import java.util.List;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.medsafety.engine.SafetyEngine;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The medication safety module's API: checks a proposed order against the patient's active medications and
 * allergies, searches drugs for the order form, and describes the knowledge base. Roles are checked here, not only
 * at the URL; a check that names a patient is audited.
 */
@Service
public class MedicationSafety {

    public static final int SEARCH_LIMIT = 20;

    private final SafetyEngine engine;
    private final AuditLog audit;

    MedicationSafety(SafetyEngine engine, AuditLog audit) {
        this.engine = engine;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    public MedicationCheckResult check(MedicationCheckRequest request) {
        MedicationCheckResult result = engine.check(request);
        if (request.patientId() != null) {
            audit.record(new AuditEvent("MEDSAFETY_CHECK", "Patient", request.patientId().toString(),
                    request.patientId(), org.cdss.audit.AuditOutcome.SUCCESS, "drugs=" + request.proposed().size()
                            + " alerts=" + result.alerts().size() + " complete=" + result.complete()
                            + " kb=" + result.kb().version(), null));
        }
        return result;
    }

    @PreAuthorize("hasAnyRole('DOCTOR','NURSE','PHARMACIST')")
    public List<DrugSuggestion> searchDrugs(String query) {
        return engine.search(query, SEARCH_LIMIT);
    }

    /** Version, sources and counts of the knowledge base in use (any logged-in staff member). */
    @PreAuthorize("isAuthenticated() and !hasRole('PATIENT')")
    public KbInfo knowledgeBase() {
        return engine.info();
    }
}
