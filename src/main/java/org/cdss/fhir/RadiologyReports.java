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
        ReportView view = reports.get(FhirSearch.uuid(id.getIdPart().substring(PREFIX.length()), "DiagnosticReport"));
        if (view.status() != ReportStatus.SIGNED) {
            throw new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException(id);
        }
        return toFhir(view);
    }

    /**
     * The patient's signed reports; a role that reads no report list gets 403 when it asked for radiology
     * ({@code asked}), and none when it searched all categories (its lab reports still come).
     */
    List<DiagnosticReport> ofPatient(UUID patient, boolean asked) {
        List<ReportView> views;
        try {
            views = reports.list(null, patient);
        } catch (org.cdss.shared.DomainException e) {
            if (!asked && e.problem() == org.cdss.shared.ProblemCode.FORBIDDEN) {
                return List.of();
            }
            throw e;
        }
        return views.stream()
                .filter(r -> r.status() == ReportStatus.SIGNED)
                .map(RadiologyReports::toFhir)
                .toList();
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
