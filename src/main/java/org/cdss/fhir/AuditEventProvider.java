package org.cdss.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.cdss.audit.AuditEntryView;
import org.cdss.audit.AuditFilter;
import org.cdss.audit.AuditOutcome;
import org.cdss.audit.AuditQueries;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * {@code AuditEvent}: the audit trail ({@link AuditQueries}, administrators only, as the audit viewer), shaped after
 * IHE BALP: DICOM event type (patient record / application activity), the CDSS action as subtype, the user as the
 * requesting agent with their network address, the patient and the record as entities.
 */
@Component
class AuditEventProvider implements IResourceProvider {

    private final AuditQueries audit;
    private final Clock clock;

    AuditEventProvider(AuditQueries audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    @Read
    public AuditEvent read(@IdParam IdType id) {
        return audit.entry(FhirSearch.uuid(id))
                .map(AuditEventProvider::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
            @OptionalParam(name = AuditEvent.SP_AGENT_NAME) StringParam agentName,
            @OptionalParam(name = AuditEvent.SP_SUBTYPE) StringParam subtype) {
        // the trail grows while it is paged (each page's own reads are audited, newest first): the search ends where
        // it started, so a later page's offset counts the same rows and no entry is sent twice
        Instant now = clock.instant();
        Instant upper = date == null || date.getUpperBoundAsInstant() == null
                ? null
                : date.getUpperBoundAsInstant().toInstant().plusMillis(1);
        AuditFilter filter = new AuditFilter(
                agentName == null ? null : agentName.getValue(),
                patient == null ? null : FhirSearch.patient(patient),
                subtype == null ? null : subtype.getValue().toUpperCase(Locale.ROOT),
                null,
                date == null || date.getLowerBoundAsInstant() == null
                        ? null
                        : date.getLowerBoundAsInstant().toInstant(),
                upper == null || upper.isAfter(now) ? now : upper);
        return new PagedSearch<>((page, size) -> audit.search(filter, page, size), AuditEventProvider::toFhir);
    }

    static AuditEvent toFhir(AuditEntryView e) {
        AuditEvent a = new AuditEvent();
        a.setId(new IdType("AuditEvent", e.id().toString()));
        a.getMeta().setLastUpdated(FhirSearch.date(e.occurredAt()));
        if (e.patientId() != null) {
            a.setType(new Coding(FhirCodes.DICOM_AUDIT, "110110", "Patient Record"));
        } else {
            a.setType(new Coding(FhirCodes.DICOM_AUDIT, "110100", "Application Activity"));
        }
        a.addSubtype(new Coding("urn:cdss:audit-action", e.action(), null));
        a.setAction(action(e.action()));
        a.setRecorded(FhirSearch.date(e.occurredAt()));
        a.setOutcome(
                e.outcome() == AuditOutcome.SUCCESS
                        ? AuditEvent.AuditEventOutcome._0
                        : e.outcome() == AuditOutcome.DENIED
                                ? AuditEvent.AuditEventOutcome._4
                                : AuditEvent.AuditEventOutcome._8);
        var agent = a.addAgent().setRequestor(true);
        if (e.userId() != null) {
            agent.setWho(new Reference()
                    .setIdentifier(new Identifier()
                            .setSystem(FhirCodes.STAFF_SYSTEM)
                            .setValue(e.userId().toString()))
                    .setDisplay(e.username()));
        } else if (e.username() != null) {
            agent.setWho(new Reference().setDisplay(e.username()));
        }
        agent.setAltId(e.username());
        if (e.roles() != null && !e.roles().isBlank()) {
            agent.addRole().setText(e.roles());
        }
        if (e.ip() != null && !e.ip().isBlank()) {
            agent.getNetwork().setAddress(e.ip()).setType(AuditEvent.AuditEventAgentNetworkType._2);
        }
        a.getSource()
                .setSite("CDSS")
                .setObserver(new Reference().setDisplay("CDSS"))
                .addType(new Coding(
                        "http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));
        if (e.patientId() != null) {
            a.addEntity()
                    .setWhat(FhirSearch.ref("Patient", e.patientId(), null))
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        }
        if (e.resourceType() != null) {
            a.addEntity()
                    .setWhat(new Reference()
                            .setIdentifier(new Identifier()
                                    .setSystem("urn:cdss:resource:"
                                            + e.resourceType().replaceAll("[^A-Za-z0-9:._-]", "_"))
                                    .setValue(e.resourceId() == null ? e.resourceType() : e.resourceId())))
                    .setType(new Coding(
                            "http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"));
        }
        return a;
    }

    private static AuditEvent.AuditEventAction action(String action) {
        String a = action == null ? "" : action.toUpperCase(Locale.ROOT);
        if (a.contains("CREATE") || a.contains("RECORD") || a.contains("REGISTER")) {
            return AuditEvent.AuditEventAction.C;
        }
        if (a.contains("READ") || a.contains("LIST") || a.contains("SEARCH") || a.contains("VIEW")) {
            return AuditEvent.AuditEventAction.R;
        }
        if (a.contains("UPDATE") || a.contains("EDIT") || a.contains("AMEND")) {
            return AuditEvent.AuditEventAction.U;
        }
        if (a.contains("DELETE") || a.contains("INACTIVATE") || a.contains("VOID")) {
            return AuditEvent.AuditEventAction.D;
        }
        return AuditEvent.AuditEventAction.E;
    }
}
