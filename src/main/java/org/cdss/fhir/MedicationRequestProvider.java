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

/** {@code MedicationRequest}: medication orders ({@link OrderResources}), DrugBank-, RxNorm- and ATC-coded. */
@Component
class MedicationRequestProvider implements IResourceProvider {

    private final OrderResources orders;
    private final org.cdss.orders.OrderCommands commands;
    private final FhirWrites writes;
    private final MedicationCodes codes;

    MedicationRequestProvider(
            OrderResources orders, org.cdss.orders.OrderCommands commands, FhirWrites writes, MedicationCodes codes) {
        this.orders = orders;
        this.commands = commands;
        this.writes = writes;
        this.codes = codes;
    }

    /**
     * Creates a draft (pending) medication order for the calling doctor, through the same form checks and the same
     * medication-safety check as the order form: {@code status = draft}, {@code intent = order}, a DrugBank coding,
     * one dose quantity, route and frequency as CDSS codes ({@code PO}, {@code BID} …), the supply duration in days.
     * The alerts of the check come back as warnings of the answer's {@code OperationOutcome}; they block only at
     * sending, which stays in the order screen.
     */
    @ca.uhn.fhir.rest.annotation.Create
    public ca.uhn.fhir.rest.api.MethodOutcome create(
            @ca.uhn.fhir.rest.annotation.ResourceParam MedicationRequest request) {
        if (request.getStatus() != MedicationRequest.MedicationRequestStatus.DRAFT
                || request.getIntent() != MedicationRequest.MedicationRequestIntent.ORDER) {
            throw FhirWrites.invalid("only a draft order (status draft, intent order) can be created");
        }
        if (!request.hasSubject()) {
            throw FhirWrites.invalid("subject is required");
        }
        java.util.UUID patientId =
                FhirSearch.uuid(request.getSubject().getReferenceElement().getIdPart(), "Patient");
        if (!request.hasMedicationCodeableConcept()) {
            throw FhirWrites.invalid("medicationCodeableConcept with a DrugBank coding is required");
        }
        String drugId = request.getMedicationCodeableConcept().getCoding().stream()
                .filter(c -> FhirCodes.DRUGBANK.equals(c.getSystem()))
                .map(Coding::getCode)
                .findFirst()
                .orElse(null);
        Dosage dosage = request.getDosageInstructionFirstRep();
        var dose = dosage.getDoseAndRateFirstRep().hasDoseQuantity()
                ? dosage.getDoseAndRateFirstRep().getDoseQuantity()
                : null;
        Integer days = request.getDispenseRequest().hasExpectedSupplyDuration()
                ? supplyDays(request.getDispenseRequest().getExpectedSupplyDuration())
                : null;
        var medication = new OrderDetails.Medication(
                drugId,
                dose == null ? null : dose.getValue(),
                dose == null ? null : dose.getUnit(),
                code(OrderDetails.Route.class, dosage.getRoute()),
                code(OrderDetails.Frequency.class, dosage.getTiming().getCode()),
                days,
                request.getDispenseRequest().hasQuantity()
                        ? request.getDispenseRequest().getQuantity().getValue()
                        : null,
                dosage.hasPatientInstruction() ? dosage.getPatientInstruction() : null);
        var form = writes.valid(new org.cdss.orders.OrderRequests.OrderForm(
                patientId,
                OrderType.MEDICATION,
                switch (request.hasPriority()
                        ? request.getPriority()
                        : MedicationRequest.MedicationRequestPriority.ROUTINE) {
                    case URGENT -> org.cdss.orders.OrderPriority.URGENT;
                    case ASAP, STAT -> org.cdss.orders.OrderPriority.STAT;
                    default -> org.cdss.orders.OrderPriority.ROUTINE;
                },
                null,
                request.hasReasonCode() ? request.getReasonCodeFirstRep().getText() : null,
                medication,
                null,
                null,
                null,
                false));
        OrderDetailView created = commands.create(form);
        var outcome = FhirWrites.outcome(toFhir(created), true);
        if (created.safety() != null && !created.safety().alerts().isEmpty()) {
            var alerts = new org.hl7.fhir.r4.model.OperationOutcome();
            created.safety()
                    .alerts()
                    .forEach(a -> alerts.addIssue()
                            .setSeverity(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.WARNING)
                            .setCode(org.hl7.fhir.r4.model.OperationOutcome.IssueType.BUSINESSRULE)
                            .setDetails(new CodeableConcept(new Coding(
                                            "urn:cdss:medsafety:alert-type",
                                            a.type().name(),
                                            null))
                                    .setText(a.whatHappens()))
                            .setDiagnostics(a.whatToDo()));
            outcome.setOperationOutcome(alerts);
        }
        return outcome;
    }

    /** A CDSS code ({@code PO}, {@code BID}) from a concept's coding or text; null (refused as missing) otherwise. */
    private static <E extends Enum<E>> E code(Class<E> type, CodeableConcept concept) {
        java.util.List<String> candidates = new java.util.ArrayList<>();
        concept.getCoding().forEach(c -> candidates.add(c.getCode()));
        candidates.add(concept.getText());
        for (String candidate : candidates) {
            if (candidate == null) {
                continue;
            }
            for (E value : type.getEnumConstants()) {
                if (value.name().equalsIgnoreCase(candidate.strip())) {
                    return value;
                }
            }
        }
        return null;
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
                        .map(this::toFhir)
                        .filter(m ->
                                FhirSearch.matchesCode(status, m.getStatus().toCode()))
                        .filter(m -> FhirSearch.in(authoredOn, m.getAuthoredOn()))
                        .toList(),
                lastUpdated);
        found.forEach(m -> orders.include(includes, "MedicationRequest", m.getSubject(), m.getRequester()));
        return found;
    }

    MedicationRequest toFhir(OrderDetailView detail) {
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
        m.setMedication(codes.concept(
                med == null ? null : med.drugId(),
                detail.drugName() != null ? detail.drugName() : order.summary(),
                detail.drugName()));
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

    /** The supply duration in days: UCUM {@code d}, {@code wk} or {@code mo} (30 days); other units are refused. */
    static int supplyDays(Duration duration) {
        if (!duration.hasValue()) {
            throw FhirWrites.invalid("dispenseRequest.expectedSupplyDuration needs a value");
        }
        String unit = duration.hasCode() ? duration.getCode() : duration.getUnit();
        int factor;
        if (unit == null || unit.isBlank()) {
            throw FhirWrites.invalid("dispenseRequest.expectedSupplyDuration needs a unit (d, wk or mo)");
        }
        switch (unit.trim()) {
            case "d", "day", "days" -> factor = 1;
            case "wk", "week", "weeks" -> factor = 7;
            case "mo", "month", "months" -> factor = 30;
            default ->
                throw FhirWrites.invalid(
                        "dispenseRequest.expectedSupplyDuration unit must be d, wk or mo, not " + unit);
        }
        java.math.BigDecimal days = duration.getValue().multiply(java.math.BigDecimal.valueOf(factor));
        if (days.signum() <= 0
                || days.stripTrailingZeros().scale() > 0
                || days.compareTo(java.math.BigDecimal.valueOf(3650)) > 0) {
            throw FhirWrites.invalid(
                    "dispenseRequest.expectedSupplyDuration must be a whole number of days, 1 to 3650");
        }
        return days.intValueExact();
    }
}
