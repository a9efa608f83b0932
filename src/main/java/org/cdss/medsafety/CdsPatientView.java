package org.cdss.medsafety;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.cdss.patients.PatientDirectory;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The patient-view CDS Hooks service (issue 17 item 5): one info card that sums up the patient's medication-safety
 * overrides on open orders, orders overdue (sent and past due) and results pending, in the reader's language
 * ({@link AlertText}'s bundle). The patient is ours ({@code context.patientId} is our FHIR Patient id); the figures
 * come from our own records through {@link PatientOrderActivity}, so the prefetch {@code patient} only confirms the
 * patient the EHR means. The read is audited. Called through {@link CdsHooksService#call}, with its security.
 */
@Component
class CdsPatientView {

    static final String HOOK = "patient-view";

    private final PatientDirectory patients;
    private final ObjectProvider<PatientOrderActivity> orders;
    private final AuditLog audit;

    CdsPatientView(PatientDirectory patients, ObjectProvider<PatientOrderActivity> orders, AuditLog audit) {
        this.patients = patients;
        this.orders = orders;
        this.audit = audit;
    }

    CdsHooksService.Cards call(JsonNode body, Locale locale) {
        if (body == null || !body.isObject()) {
            throw DomainException.invalidField("", "medsafety.cds.required");
        }
        if (!HOOK.equals(body.path("hook").asString(""))) {
            throw DomainException.invalidField("/hook", "medsafety.cds.wrong-hook", HOOK);
        }
        if (body.path("hookInstance").asString("").isBlank()) {
            throw DomainException.invalidField("/hookInstance", "medsafety.cds.required");
        }
        String patientId = body.path("context").path("patientId").asString("");
        if (patientId.isBlank()) {
            throw DomainException.invalidField("/context/patientId", "medsafety.cds.required");
        }
        JsonNode patient = body.path("prefetch").path("patient");
        if (!patient.isObject()) {
            throw new DomainException(
                    MedsafetyProblem.CDS_PREFETCH_MISSING, "medsafety.cds.missing-prefetch", "patient");
        }
        if (!"Patient".equals(patient.path("resourceType").asString(""))
                || !patientId.equals(patient.path("id").asString(""))) {
            throw DomainException.invalidField("/prefetch/patient", "medsafety.cds.patient-mismatch");
        }
        UUID id;
        try {
            id = UUID.fromString(patientId);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemCode.NOT_FOUND);
        }
        if (!patients.exists(id)) {
            throw new DomainException(ProblemCode.NOT_FOUND);
        }
        PatientOrderActivity source = orders.getIfAvailable();
        PatientOrderActivity.Activity activity =
                source == null ? new PatientOrderActivity.Activity(0, 0, 0) : source.activity(id);
        audit.record(new AuditEvent(
                "CDS_PATIENT_VIEW",
                "Patient",
                id.toString(),
                id,
                AuditOutcome.SUCCESS,
                "overrides=" + activity.safetyOverrides() + " overdue=" + activity.overdueOrders() + " pending="
                        + activity.pendingResults(),
                null));
        Object[] n = {activity.safetyOverrides(), activity.overdueOrders(), activity.pendingResults()};
        String summary = MessageFormat.format(AlertText.label("patient-view.summary", locale), n);
        String detail = MessageFormat.format(AlertText.label("patient-view.detail", locale), n);
        return new CdsHooksService.Cards(List.of(new CdsHooksService.Card(
                UUID.randomUUID().toString(),
                summary,
                detail,
                "info",
                new CdsHooksService.Source(AlertText.label("patient-view.source", locale), null),
                List.of())));
    }
}
