package org.cdss.fhir;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.cdss.orders.OrderDetailView;
import org.cdss.orders.OrderDetailView.TransitionView;
import org.cdss.orders.OrderStatus;
import org.cdss.orders.OrderType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Provenance;
import org.springframework.stereotype.Component;

/**
 * {@code Provenance} of orders, one per step of an order's life cycle as the orders module records it
 * ({@code order_transition}, append-only: who moved the order from which status to which, when, and the note they
 * wrote). The target is the order's {@code MedicationRequest} or {@code ServiceRequest}; the agent the staff member
 * ({@code Practitioner}), {@code author} for the step that created the order and {@code performer} for the others;
 * the activity a v3 DataOperation code (CREATE, ACTIVATE when sent, UPDATE when started, COMPLETE, CANCEL) with the
 * two statuses as text. The id is the order's id and the step's position ({@code <order id>-<n>}, from 0). Read and
 * search go through the order's own read, so the order list's access rules and audit apply. A signed radiology
 * report's signature and addenda are Provenance too ({@link RadiologyReports#provenance}, through the RIS read).
 * Nothing else is: the audit trail is {@code AuditEvent}, and note versions have no FHIR resource yet (ADR 0042).
 */
@Component
class ProvenanceProvider implements ca.uhn.fhir.rest.server.IResourceProvider {

    static final String DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    private final OrderResources orders;
    private final RadiologyReports radiology;

    ProvenanceProvider(OrderResources orders, RadiologyReports radiology) {
        this.orders = orders;
        this.radiology = radiology;
    }

    @Override
    public Class<Provenance> getResourceType() {
        return Provenance.class;
    }

    @Read
    public Provenance read(@IdParam IdType id) {
        String value = id.getIdPart();
        boolean report = value != null && value.startsWith(RadiologyReports.PREFIX);
        String rest = report ? value.substring(RadiologyReports.PREFIX.length()) : value;
        int dash = rest == null ? -1 : rest.lastIndexOf('-');
        if (rest == null || dash != 36) {
            throw new ResourceNotFoundException(id);
        }
        UUID owner = FhirSearch.uuid(rest.substring(0, dash), "Provenance");
        int step;
        try {
            step = Integer.parseInt(rest.substring(dash + 1));
        } catch (NumberFormatException e) {
            throw new ResourceNotFoundException(id);
        }
        List<Provenance> steps =
                report ? RadiologyReports.provenance(radiology.signed(owner, id)) : of(orders.detail(owner));
        if (step < 0 || step >= steps.size()) {
            throw new ResourceNotFoundException(id);
        }
        return steps.get(step);
    }

    @Search
    public List<Provenance> search(
            @Description(
                            shortDefinition =
                                    "The order (MedicationRequest or ServiceRequest) or signed radiology report (DiagnosticReport) the steps are of")
                    @OptionalParam(name = Provenance.SP_TARGET)
                    ReferenceParam target,
            @Description(
                            shortDefinition =
                                    "The patient whose orders and radiology reports the steps are of (their subject, not a Patient target)")
                    @OptionalParam(name = Provenance.SP_PATIENT)
                    ReferenceParam patient) {
        if (target == null && patient == null) {
            throw new InvalidRequestException("Provenance search needs target or patient");
        }
        if (target == null) {
            UUID patientId = FhirSearch.patient(patient);
            List<Provenance> found = new ArrayList<>();
            orders.ofPatient(patientId, EnumSet.allOf(OrderType.class)).forEach(d -> found.addAll(of(d)));
            // a role that reads no report list still gets its orders' steps (as DiagnosticReport without category)
            radiology.signedOfPatient(patientId, false).forEach(r -> found.addAll(RadiologyReports.provenance(r)));
            return found;
        }
        String type = target.getResourceType();
        String targetId = target.getIdPart();
        if ("DiagnosticReport".equals(type) && targetId != null && targetId.startsWith(RadiologyReports.PREFIX)) {
            UUID report;
            try {
                report = UUID.fromString(targetId.substring(RadiologyReports.PREFIX.length()));
            } catch (IllegalArgumentException e) {
                return List.of();
            }
            var view = radiology.signed(report, new IdType("DiagnosticReport", targetId));
            return patient != null && !FhirSearch.patient(patient).equals(view.patientId())
                    ? List.of()
                    : RadiologyReports.provenance(view);
        }
        if (type != null && !type.equals("MedicationRequest") && !type.equals("ServiceRequest")) {
            return List.of(); // only orders and signed radiology reports have recorded provenance
        }
        UUID order;
        try {
            order = UUID.fromString(targetId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return List.of();
        }
        // the order's own read: an order the caller may not see (or that does not exist) answers as it does there
        OrderDetailView detail = orders.detail(order);
        if ((type != null && !type.equals(resourceType(detail.order().type())))
                || (patient != null
                        && !FhirSearch.patient(patient).equals(detail.order().patientId()))) {
            return List.of();
        }
        return of(detail);
    }

    /** The provenance of every recorded step of an order, in the order they happened. */
    static List<Provenance> of(OrderDetailView detail) {
        List<TransitionView> timeline = detail.timeline();
        List<Provenance> out = new ArrayList<>(timeline.size());
        String targetType = resourceType(detail.order().type());
        for (int i = 0; i < timeline.size(); i++) {
            TransitionView t = timeline.get(i);
            Provenance p = new Provenance();
            p.setId(new IdType("Provenance", detail.order().id() + "-" + i));
            p.getMeta().setLastUpdated(FhirSearch.date(t.at()));
            p.addTarget(FhirSearch.ref(
                    targetType, detail.order().id(), detail.order().orderNumber()));
            p.setRecorded(FhirSearch.date(t.at()));
            p.setActivity(activity(t.from(), t.to()));
            Provenance.ProvenanceAgentComponent agent = p.addAgent();
            String role = t.from() == null ? "author" : "performer";
            agent.setType(new CodeableConcept(
                    new Coding(PARTICIPANT_TYPE, role, role.equals("author") ? "Author" : "Performer")));
            agent.setWho(FhirSearch.ref("Practitioner", t.actorId(), t.actorName()));
            if (t.note() != null && !t.note().isBlank()) {
                p.addReason().setText(t.note());
            }
            out.add(p);
        }
        return out;
    }

    static String resourceType(OrderType type) {
        return type == OrderType.MEDICATION ? "MedicationRequest" : "ServiceRequest";
    }

    /** The v3 DataOperation of a step, with the two statuses as text ("SENT → IN_PROGRESS"). */
    static CodeableConcept activity(OrderStatus from, OrderStatus to) {
        String code;
        if (from == null) {
            code = "CREATE";
        } else {
            code = switch (to) {
                case SENT -> "ACTIVATE";
                case COMPLETED -> "COMPLETE";
                case CANCELLED -> "CANCEL";
                default -> "UPDATE";
            };
        }
        return new CodeableConcept(new Coding(DATA_OPERATION, code, null))
                .setText((from == null ? "" : from.name() + " → ") + to.name());
    }
}
