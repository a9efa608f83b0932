package org.cdss.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
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
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cdss.orders.LabTestView;
import org.cdss.orders.OrderDetailView;
import org.cdss.orders.OrderType;
import org.cdss.orders.OrderView;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceRequest}: lab, imaging and tissue orders ({@link OrderResources}); lab tests LOINC-coded from the
 * catalogue with Korean and English names.
 */
@Component
class ServiceRequestProvider implements IResourceProvider {

    private static final Set<OrderType> TYPES =
            EnumSet.of(OrderType.LAB_TEST, OrderType.IMAGING, OrderType.TISSUE_EXAM);

    private final OrderResources orders;

    ServiceRequestProvider(OrderResources orders) {
        this.orders = orders;
    }

    @Override
    public Class<ServiceRequest> getResourceType() {
        return ServiceRequest.class;
    }

    @Read
    public ServiceRequest read(@IdParam IdType id) {
        OrderDetailView detail = orders.detail(FhirSearch.uuid(id));
        if (!TYPES.contains(detail.order().type())) {
            throw new ResourceNotFoundException(id);
        }
        return toFhir(detail, catalogue());
    }

    @Search
    public List<ServiceRequest> search(
            @RequiredParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = ServiceRequest.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = ServiceRequest.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = ServiceRequest.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = ServiceRequest.SP_AUTHORED) DateRangeParam authored,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @IncludeParam(allow = {"ServiceRequest:patient", "ServiceRequest:requester"}) Set<Include> includes) {
        Map<String, LabTestView> catalogue = catalogue();
        List<ServiceRequest> found = FhirSearch.lastUpdated(
                orders.ofPatient(FhirSearch.patient(patient), TYPES).stream()
                        .map(d -> toFhir(d, catalogue))
                        .filter(s ->
                                FhirSearch.matchesCode(status, s.getStatus().toCode()))
                        .filter(s -> category == null
                                || s.getCategory().stream().anyMatch(c -> FhirSearch.matches(category, c)))
                        .filter(s -> FhirSearch.matches(code, s.getCode()))
                        .filter(s -> FhirSearch.in(authored, s.getAuthoredOn()))
                        .toList(),
                lastUpdated);
        found.forEach(s -> orders.include(includes, "ServiceRequest", s.getSubject(), s.getRequester()));
        return found;
    }

    private Map<String, LabTestView> catalogue() {
        return orders.labCatalogue().stream()
                .collect(Collectors.toMap(LabTestView::code, Function.identity(), (a, b) -> a));
    }

    static ServiceRequest toFhir(OrderDetailView detail, Map<String, LabTestView> catalogue) {
        OrderView order = detail.order();
        ServiceRequest s = new ServiceRequest();
        s.setId(new IdType("ServiceRequest", order.id().toString(), Long.toString(order.version())));
        s.getMeta().setVersionId(Long.toString(order.version()));
        s.getMeta().setLastUpdated(FhirSearch.date(OrderStatuses.lastChange(order)));
        s.addIdentifier(OrderResources.orderNumber(order));
        s.setStatus(
                switch (order.status()) {
                    case PENDING -> ServiceRequest.ServiceRequestStatus.DRAFT;
                    case SENT, IN_PROGRESS -> ServiceRequest.ServiceRequestStatus.ACTIVE;
                    case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
                    case CANCELLED -> ServiceRequest.ServiceRequestStatus.REVOKED;
                });
        s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        s.setPriority(
                switch (order.priority()) {
                    case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
                    case URGENT -> ServiceRequest.ServiceRequestPriority.URGENT;
                    case STAT, EMERGENCY -> ServiceRequest.ServiceRequestPriority.STAT;
                });
        switch (order.type()) {
            case LAB_TEST -> {
                s.addCategory(new CodeableConcept(new Coding(FhirCodes.SNOMED, "108252007", "Laboratory procedure")));
                LabTestView test = detail.labTest() == null
                        ? null
                        : catalogue.get(detail.labTest().testCode());
                if (test != null) {
                    Coding coding = new Coding(FhirCodes.LOINC, test.loinc(), test.nameEn());
                    CodeableConcept concept = FhirCodes.bilingual(coding, test.nameKo(), test.nameEn());
                    concept.addCoding(new Coding(FhirCodes.LAB_CATALOGUE, test.code(), test.nameEn()));
                    s.setCode(concept);
                } else {
                    s.setCode(new CodeableConcept().setText(order.summary()));
                }
            }
            case IMAGING -> {
                s.addCategory(new CodeableConcept(new Coding(FhirCodes.SNOMED, "363679005", "Imaging")));
                s.setCode(new CodeableConcept().setText(order.summary()));
            }
            default -> s.setCode(new CodeableConcept().setText(order.summary()));
        }
        s.setSubject(FhirSearch.ref("Patient", order.patientId(), null));
        s.setAuthoredOn(FhirSearch.date(order.createdAt()));
        s.setRequester(FhirSearch.ref("Practitioner", order.orderedBy(), order.orderedByName()));
        if (order.targetDepartmentId() != null) {
            s.addPerformer(FhirSearch.ref("Organization", order.targetDepartmentId(), null));
        }
        if (detail.indication() != null && !detail.indication().isBlank()) {
            s.addReasonCode().setText(detail.indication());
        }
        return s;
    }
}
