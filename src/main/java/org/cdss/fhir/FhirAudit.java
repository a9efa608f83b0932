package org.cdss.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.springframework.stereotype.Component;

/**
 * One audit row per FHIR interaction ({@code FHIR_READ}, {@code FHIR_SEARCH_TYPE}, {@code FHIR_UPDATE} …, resource
 * type {@code fhir:Patient}), besides the rows the module APIs write for the data they return. The
 * CapabilityStatement, which holds no data, is not audited.
 *
 * <p>A FHIR request collects its read rows (the modules' and this one) in an audit batch opened around the request
 * ({@link FhirServerConfiguration}); they are written together here, before the answer or the error is written, so
 * that they exist when the client has the answer (ADR 0049).
 */
@Component
@Interceptor
class FhirAudit {

    private final AuditLog audit;

    FhirAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** Before the answer is written, so that the row exists when the client has the answer. */
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean answered(RequestDetails request, org.hl7.fhir.instance.model.api.IBaseResource answer) {
        record(request, AuditOutcome.SUCCESS, null, answer);
        audit.flushBatch();
        return true;
    }

    @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
    public boolean failed(RequestDetails request, BaseServerResponseException error) {
        int status = error.getStatusCode();
        AuditOutcome outcome = status == 401 || status == 403 ? AuditOutcome.DENIED : AuditOutcome.FAILURE;
        try {
            record(request, outcome, "status=" + status, null);
        } finally {
            audit.flushBatch();
        }
        return true;
    }

    private void record(
            RequestDetails request,
            AuditOutcome outcome,
            String detail,
            org.hl7.fhir.instance.model.api.IBaseResource answer) {
        RestOperationTypeEnum operation = request.getRestOperationType();
        if (operation == RestOperationTypeEnum.METADATA) {
            return;
        }
        String type = request.getResourceName();
        String id = request.getId() == null ? null : request.getId().getIdPart();
        UUID patient = patientOf(request, type, id);
        if (operation == RestOperationTypeEnum.GET_PAGE) {
            // a next page names neither type nor patient: the search it continues does (OwnedPagingProvider)
            type = (String) request.getUserData().get(PAGE_TYPE);
            patient = (UUID) request.getUserData().get(PAGE_PATIENT);
        }
        if (operation == RestOperationTypeEnum.CREATE && answer != null) {
            // a create names its resource and patient only in the answer
            id = answer.getIdElement().getIdPart();
            patient = switch (answer) {
                case org.hl7.fhir.r4.model.Patient p -> uuid(id);
                case org.hl7.fhir.r4.model.AllergyIntolerance a ->
                    uuid(a.getPatient().getReferenceElement().getIdPart());
                case org.hl7.fhir.r4.model.MedicationRequest m ->
                    uuid(m.getSubject().getReferenceElement().getIdPart());
                default -> null;
            };
        }
        if (org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication()
                instanceof FhirTokenAuthentication token) {
            // a call with a bearer token: which registered client made it, besides the account it acts as
            detail = detail == null ? "client=" + token.clientId() : detail + " client=" + token.clientId();
        }
        audit.record(new AuditEvent(
                "FHIR_" + (operation == null ? "UNKNOWN" : operation.name()),
                type == null ? "fhir" : "fhir:" + type,
                id,
                patient,
                outcome,
                detail,
                null));
    }

    private static final String PAGE_TYPE = FhirAudit.class.getName() + ".pageType";
    private static final String PAGE_PATIENT = FhirAudit.class.getName() + ".pagePatient";

    /** A page of an earlier search is about to be answered: its row names that search's resource type and patient. */
    static void pageOf(RequestDetails request, String type, UUID patient) {
        request.getUserData().put(PAGE_TYPE, type);
        request.getUserData().put(PAGE_PATIENT, patient);
    }

    /** The patient a request names: the Patient read, or the {@code patient}/{@code subject} search parameter. */
    static UUID patientOf(RequestDetails request, String type, String id) {
        String value = null;
        if ("Patient".equals(type)) {
            value = id;
        } else if (request.getParameters() != null) {
            String[] patient = request.getParameters().get("patient");
            if (patient == null) {
                patient = request.getParameters().get("subject");
            }
            if (patient != null && patient.length == 1) {
                // "A", "Patient/A" and "http://host/fhir/Patient/A" name the same patient
                value = new org.hl7.fhir.r4.model.IdType(patient[0]).getIdPart();
            }
        }
        return uuid(value);
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
