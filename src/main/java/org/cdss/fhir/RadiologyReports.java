package org.cdss.fhir;

import java.util.List;
import java.util.UUID;
import org.cdss.radiology.ReportQueries;
import org.cdss.radiology.ReportStatus;
import org.cdss.radiology.ReportView;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * Radiology {@code DiagnosticReport}s over the RIS ({@link ReportQueries}, its read rules and audit): signed reports
 * only (final, or appended with their addenda; drafts are the radiologist's work in progress and not served), id
 * {@code rad-<report id>}, code the report's LOINC kind, the impression as the conclusion, findings, recommendation
 * and addenda in {@code presentedForm} text.
 */
@Component
class RadiologyReports {

    static final String PREFIX = "rad-";

    private final ReportQueries reports;

    RadiologyReports(ReportQueries reports) {
        this.reports = reports;
    }

    DiagnosticReport read(IdType id) {
        return toFhir(signed(FhirSearch.uuid(id.getIdPart().substring(PREFIX.length()), "DiagnosticReport"), id));
    }

    /**
     * The patient's signed reports; a role that reads no report list gets 403 when it asked for radiology
     * ({@code asked}), and none when it searched all categories (its lab reports still come).
     */
    List<DiagnosticReport> ofPatient(UUID patient, boolean asked) {
        return signedOfPatient(patient, asked).stream()
                .map(RadiologyReports::toFhir)
                .toList();
    }

    /** The signed report with this id, through the RIS read (404 for a draft, as its DiagnosticReport). */
    ReportView signed(UUID report, IdType asked) {
        ReportView view = reports.get(report);
        if (view.status() != ReportStatus.SIGNED) {
            throw new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException(asked);
        }
        return view;
    }

    List<ReportView> signedOfPatient(UUID patient, boolean asked) {
        List<ReportView> views;
        try {
            views = reports.list(null, patient);
        } catch (org.cdss.shared.DomainException e) {
            if (!asked && e.problem() == org.cdss.shared.ProblemCode.FORBIDDEN) {
                return List.of();
            }
            throw e;
        }
        return views.stream().filter(r -> r.status() == ReportStatus.SIGNED).toList();
    }

    /**
     * The recorded steps of a signed report as {@code Provenance} (ADR 0042): its signature (step 0, v3
     * DocumentCompletion {@code LA}, the radiologist as legal authenticator) and each addendum (v3 DataOperation
     * {@code APPEND}, its author), id {@code rad-<report id>-<n>}.
     */
    static List<org.hl7.fhir.r4.model.Provenance> provenance(ReportView view) {
        List<org.hl7.fhir.r4.model.Provenance> out = new java.util.ArrayList<>();
        String target = PREFIX + view.id();
        if (view.signedById() != null && view.signedAt() != null) {
            out.add(step(
                    target + "-0",
                    target,
                    view.signedAt(),
                    new Coding("http://terminology.hl7.org/CodeSystem/v3-DocumentCompletion", "LA", null),
                    "signed",
                    "legal",
                    FhirSearch.ref("Practitioner", view.signedById(), view.signedByName())));
        }
        for (int i = 0; i < view.addenda().size(); i++) {
            var addendum = view.addenda().get(i);
            out.add(step(
                    target + "-" + (i + 1),
                    target,
                    addendum.signedAt(),
                    new Coding(ProvenanceProvider.DATA_OPERATION, "APPEND", null),
                    "addendum",
                    "author",
                    FhirSearch.ref("Practitioner", addendum.signedById(), addendum.signedByName())));
        }
        return out;
    }

    private static org.hl7.fhir.r4.model.Provenance step(
            String id,
            String target,
            java.time.Instant at,
            Coding activity,
            String text,
            String role,
            org.hl7.fhir.r4.model.Reference who) {
        org.hl7.fhir.r4.model.Provenance p = new org.hl7.fhir.r4.model.Provenance();
        p.setId(new IdType("Provenance", id));
        p.getMeta().setLastUpdated(FhirSearch.date(at));
        p.addTarget(new org.hl7.fhir.r4.model.Reference("DiagnosticReport/" + target));
        p.setRecorded(FhirSearch.date(at));
        p.setActivity(new CodeableConcept(activity).setText(text));
        p.addAgent()
                .setType(new CodeableConcept(new Coding(ProvenanceProvider.PARTICIPANT_TYPE, role, null)))
                .setWho(who);
        return p;
    }

    static DiagnosticReport toFhir(ReportView view) {
        DiagnosticReport r = new DiagnosticReport();
        r.setId(new IdType("DiagnosticReport", PREFIX + view.id()));
        r.getMeta().setVersionId(Long.toString(view.version()));
        java.time.Instant last = view.addenda().isEmpty()
                ? view.signedAt()
                : view.addenda().getLast().signedAt();
        r.getMeta().setLastUpdated(FhirSearch.date(last));
        r.addIdentifier().setSystem(FhirCodes.ORDER_NUMBER_SYSTEM).setValue(view.orderNumber());
        r.setStatus(DiagnosticReport.DiagnosticReportStatus.fromCode(view.fhirStatus()));
        r.addCategory(
                new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", "Radiology")));
        r.setCode(new CodeableConcept(new Coding(FhirCodes.LOINC, view.code(), view.codeDisplay()))
                .setText(view.procedure()));
        r.setSubject(FhirSearch.ref("Patient", view.patientId(), null));
        r.addBasedOn(FhirSearch.ref("ServiceRequest", view.orderId(), null));
        if (view.acquiredAt() != null) {
            r.setEffective(new DateTimeType(FhirSearch.date(view.acquiredAt())));
        }
        r.setIssued(FhirSearch.date(view.signedAt()));
        if (view.signedById() != null) {
            r.addResultsInterpreter(FhirSearch.ref("Practitioner", view.signedById(), view.signedByName()));
        }
        if (view.impression() != null && !view.impression().isBlank()) {
            r.setConclusion(view.impression());
        }
        StringBuilder text = new StringBuilder();
        append(text, "Findings", view.findings());
        append(text, "Impression", view.impression());
        append(text, "Recommendation", view.recommendation());
        if (view.biradsCategory() != null) {
            append(text, "BI-RADS", view.biradsCategory().toString());
        }
        for (var addendum : view.addenda()) {
            append(text, "Addendum (" + addendum.signedAt() + ", " + addendum.signedByName() + ")", addendum.body());
        }
        if (!text.isEmpty()) {
            r.addPresentedForm()
                    .setContentType("text/plain; charset=UTF-8")
                    .setLanguage("ko")
                    .setData(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .setTitle(view.procedure());
        }
        return r;
    }

    private static void append(StringBuilder text, String heading, String value) {
        if (value != null && !value.isBlank()) {
            text.append(heading).append(":\n").append(value.strip()).append("\n\n");
        }
    }
}
