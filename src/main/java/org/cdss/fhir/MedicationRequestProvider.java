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
import java.util.List;
import java.util.Set;
import org.cdss.orders.OrderDetailView;
import org.cdss.orders.OrderDetails;
import org.cdss.orders.OrderType;
import org.cdss.orders.OrderView;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.springframework.stereotype.Component;

/** {@code MedicationRequest}: medication orders ({@link OrderResources}), DrugBank-coded. */
@Component
class MedicationRequestProvider implements IResourceProvider {

    private final OrderResources orders;

    MedicationRequestProvider(OrderResources orders) {
        this.orders = orders;
    }

    @Override
    public Class<MedicationRequest> getResourceType() {
        return MedicationRequest.class;
    }

    @Read
    public MedicationRequest read(@IdParam IdType id) {
        OrderDetailView detail = orders.detail(FhirSearch.uuid(id));
        if (detail.order().type() != OrderType.MEDICATION) {
            throw new ResourceNotFoundException(id);
        }
        return toFhir(detail);
    }

    @Search
    public List<MedicationRequest> search(
            @RequiredParam(name = MedicationRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = MedicationRequest.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = MedicationRequest.SP_AUTHOREDON) DateRangeParam authoredOn,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @IncludeParam(allow = {"MedicationRequest:patient", "MedicationRequest:requester"}) Set<Include> includes) {
        List<MedicationRequest> found = FhirSearch.lastUpdated(
                orders.ofPatient(FhirSearch.patient(patient), Set.of(OrderType.MEDICATION)).stream()
                        .map(MedicationRequestProvider::toFhir)
                        .filter(m ->
                                FhirSearch.matchesCode(status, m.getStatus().toCode()))
                        .filter(m -> FhirSearch.in(authoredOn, m.getAuthoredOn()))
                        .toList(),
                lastUpdated);
        found.forEach(m -> orders.include(includes, "MedicationRequest", m.getSubject(), m.getRequester()));
        return found;
    }

    static MedicationRequest toFhir(OrderDetailView detail) {
        OrderView order = detail.order();
        MedicationRequest m = new MedicationRequest();
        m.setId(new IdType("MedicationRequest", order.id().toString(), Long.toString(order.version())));
        m.getMeta().setVersionId(Long.toString(order.version()));
        m.getMeta().setLastUpdated(FhirSearch.date(OrderStatuses.lastChange(order)));
        m.addIdentifier(OrderResources.orderNumber(order));
        m.setStatus(
                switch (order.status()) {
                    case PENDING -> MedicationRequest.MedicationRequestStatus.DRAFT;
                    case SENT, IN_PROGRESS -> MedicationRequest.MedicationRequestStatus.ACTIVE;
                    case COMPLETED -> MedicationRequest.MedicationRequestStatus.COMPLETED;
                    case CANCELLED -> MedicationRequest.MedicationRequestStatus.CANCELLED;
                });
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setPriority(
                switch (order.priority()) {
                    case ROUTINE -> MedicationRequest.MedicationRequestPriority.ROUTINE;
                    case URGENT -> MedicationRequest.MedicationRequestPriority.URGENT;
                    case STAT, EMERGENCY -> MedicationRequest.MedicationRequestPriority.STAT;
                });
        OrderDetails.Medication med = detail.medication();
        CodeableConcept medication =
                new CodeableConcept().setText(detail.drugName() != null ? detail.drugName() : order.summary());
        if (med != null) {
            medication.addCoding(new Coding(FhirCodes.DRUGBANK, med.drugId(), detail.drugName()));
        }
        m.setMedication(medication);
        m.setSubject(FhirSearch.ref("Patient", order.patientId(), null));
        m.setAuthoredOn(FhirSearch.date(order.createdAt()));
        m.setRequester(FhirSearch.ref("Practitioner", order.orderedBy(), order.orderedByName()));
        if (detail.indication() != null && !detail.indication().isBlank()) {
            m.addReasonCode().setText(detail.indication());
        }
        if (med != null) {
            Dosage dosage = m.addDosageInstruction().setText(order.summary());
            if (med.instructions() != null && !med.instructions().isBlank()) {
                dosage.setPatientInstruction(med.instructions());
            }
            dosage.setRoute(new CodeableConcept().setText(med.route().name()));
            dosage.getTiming().getCode().setText(med.frequency().name());
            dosage.addDoseAndRate().setDose(FhirCodes.ucum(med.dose(), med.doseUnit()));
            m.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration()
                    .setValue(med.durationDays())
                    .setUnit("d")
                    .setSystem(FhirCodes.UCUM)
                    .setCode("d"));
        }
        return m;
    }
}
