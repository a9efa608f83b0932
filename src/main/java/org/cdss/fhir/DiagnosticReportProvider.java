package org.cdss.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cdss.orders.LabTestView;
import org.cdss.orders.OrderDetailView;
import org.cdss.orders.OrderType;
import org.cdss.orders.OrderView;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * {@code DiagnosticReport} for lab: one per lab order with results ({@link OrderResources}, the order list's access
 * rules), id = the order's id, its results as the {@code lab-<order>-<n>} Observations; and signed radiology reports
 * ({@link RadiologyReports}, id {@code rad-<report id>}), by {@code category} LAB or RAD.
 */
@Component
class DiagnosticReportProvider implements IResourceProvider {

    private final OrderResources orders;
    private final RadiologyReports radiology;

    DiagnosticReportProvider(OrderResources orders, RadiologyReports radiology) {
        this.orders = orders;
        this.radiology = radiology;
    }

    @Override
    public Class<DiagnosticReport> getResourceType() {
        return DiagnosticReport.class;
    }

    @Read
    public DiagnosticReport read(@IdParam IdType id) {
        if (id.getIdPart() != null && id.getIdPart().startsWith(RadiologyReports.PREFIX)) {
            return radiology.read(id);
        }
        OrderDetailView detail = orders.detail(FhirSearch.uuid(id));
        if (detail.order().type() != OrderType.LAB_TEST || detail.results().isEmpty()) {
            throw new ResourceNotFoundException(id);
        }
        return toFhir(detail, catalogue());
    }

    @Search
    public List<DiagnosticReport> search(
            @RequiredParam(name = DiagnosticReport.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = DiagnosticReport.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = DiagnosticReport.SP_DATE) DateRangeParam date,
            @OptionalParam(name = DiagnosticReport.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = DiagnosticReport.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        Map<String, LabTestView> catalogue = catalogue();
        java.util.UUID who = FhirSearch.patient(patient);
        // lab first (the order list's rules decide, as before); signed radiology reports when the category asks
        boolean lab = category == null || FhirSearch.matchesCode(category, "LAB");
        boolean rad = category == null || FhirSearch.matchesCode(category, "RAD");
        java.util.stream.Stream<DiagnosticReport> reports = java.util.stream.Stream.concat(
                lab
                        ? orders.ofPatient(who, EnumSet.of(OrderType.LAB_TEST)).stream()
                                .filter(d -> !d.results().isEmpty())
                                .map(d -> toFhir(d, catalogue))
                        : java.util.stream.Stream.empty(),
                rad ? radiology.ofPatient(who, category != null).stream() : java.util.stream.Stream.empty());
        return FhirSearch.lastUpdated(
                reports.filter(r -> FhirSearch.matches(code, r.getCode()))
                        .filter(r ->
                                FhirSearch.in(date, r.getEffectiveDateTimeType().getValue()))
                        .filter(r ->
                                FhirSearch.matchesCode(status, r.getStatus().toCode()))
                        .toList(),
                lastUpdated);
    }

    private Map<String, LabTestView> catalogue() {
        return orders.labCatalogue().stream()
                .collect(Collectors.toMap(LabTestView::code, Function.identity(), (a, b) -> a));
    }

    static DiagnosticReport toFhir(OrderDetailView detail, Map<String, LabTestView> catalogue) {
        OrderView order = detail.order();
        DiagnosticReport r = new DiagnosticReport();
        r.setId(new IdType("DiagnosticReport", order.id().toString()));
        r.getMeta().setLastUpdated(FhirSearch.date(OrderStatuses.lastChange(order)));
        r.addIdentifier(OrderResources.orderNumber(order));
        r.setStatus(
                order.status() == org.cdss.orders.OrderStatus.COMPLETED
                        ? DiagnosticReport.DiagnosticReportStatus.FINAL
                        : DiagnosticReport.DiagnosticReportStatus.PARTIAL);
        r.addCategory(
                new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "LAB", "Laboratory")));
        LabTestView test =
                detail.labTest() == null ? null : catalogue.get(detail.labTest().testCode());
        if (test != null) {
            CodeableConcept concept = FhirCodes.bilingual(
                    new Coding(FhirCodes.LOINC, test.loinc(), test.nameEn()), test.nameKo(), test.nameEn());
            concept.addCoding(new Coding(FhirCodes.LAB_CATALOGUE, test.code(), test.nameEn()));
            r.setCode(concept);
        } else {
            r.setCode(new CodeableConcept().setText(order.summary()));
        }
        r.setSubject(FhirSearch.ref("Patient", order.patientId(), null));
        r.addBasedOn(FhirSearch.ref("ServiceRequest", order.id(), null));
        java.time.Instant at = order.completedAt() != null ? order.completedAt() : OrderStatuses.lastChange(order);
        r.setEffective(new DateTimeType(FhirSearch.date(at)));
        r.setIssued(FhirSearch.date(at));
        if (order.targetDepartmentId() != null) {
            r.addPerformer(FhirSearch.ref("Organization", order.targetDepartmentId(), null));
        }
        for (int i = 0; i < detail.results().size(); i++) {
            r.addResult(FhirSearch.ref("Observation", "lab-" + order.id() + "-" + i, null));
        }
        if (detail.resultText() != null && !detail.resultText().isBlank()) {
            r.setConclusion(detail.resultText());
        }
        return r;
    }
}
