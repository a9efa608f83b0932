package org.cdss.fhir;

import ca.uhn.fhir.model.api.Include;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cdss.identity.IdentityQueries;
import org.cdss.orders.OrderDetailView;
import org.cdss.orders.OrderFilter;
import org.cdss.orders.OrderQueries;
import org.cdss.orders.OrderType;
import org.cdss.orders.OrderView;
import org.cdss.patients.PatientDirectory;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * What {@code MedicationRequest} and {@code ServiceRequest} share: the orders of a patient of one type through
 * {@link OrderQueries} (the order list's access rules: the care team and the performing departments; not patients),
 * and {@code _include} of the order's patient and requester, read through their own modules.
 */
@Component
class OrderResources {

    static final int MAX_ORDERS = 200;

    private final OrderQueries orders;
    private final PatientDirectory patients;
    private final IdentityQueries identity;

    OrderResources(OrderQueries orders, PatientDirectory patients, IdentityQueries identity) {
        this.orders = orders;
        this.patients = patients;
        this.identity = identity;
    }

    OrderDetailView detail(UUID id) {
        return orders.detail(id);
    }

    /** The patient's orders of these types, newest first, each with its detail (for the payload's codes). */
    List<OrderDetailView> ofPatient(UUID patientId, Set<OrderType> types) {
        return types.stream()
                .flatMap(type -> orders
                        .list(new OrderFilter(type, null, null, null, patientId, null, null, null), 0, MAX_ORDERS)
                        .content()
                        .stream())
                .map(OrderView::id)
                .map(orders::detail)
                .toList();
    }

    List<org.cdss.orders.LabTestView> labCatalogue() {
        return orders.labTests("");
    }

    /** Sets the included resources into the references, where HAPI's plain server finds them for the bundle. */
    void include(Set<Include> includes, String type, Reference patient, Reference requester) {
        if (includes == null || includes.isEmpty()) {
            return;
        }
        for (Include include : includes) {
            String value = include.getValue();
            if (value.equals(type + ":patient") || value.equals(type + ":subject") || value.equals("*")) {
                UUID id = UUID.fromString(patient.getReferenceElement().getIdPart());
                patient.setResource(PatientProvider.toFhir(patients.get(id)));
            }
            if (value.equals(type + ":requester") || value.equals("*")) {
                UUID id = UUID.fromString(requester.getReferenceElement().getIdPart());
                identity.staffMember(id).ifPresent(s -> requester.setResource(PractitionerProvider.toFhir(s)));
            }
        }
    }

    static Identifier orderNumber(OrderView order) {
        return new Identifier()
                .setUse(Identifier.IdentifierUse.OFFICIAL)
                .setSystem(FhirCodes.ORDER_NUMBER_SYSTEM)
                .setValue(order.orderNumber());
    }
}
