package org.cdss.medsafety;

import java.util.List;
import java.util.UUID;

/**
 * The check at ordering ({@link MedicationSafety#checkOrder}): the proposed drug for a patient, the drugs of the
 * patient's other running medication orders, and the patient's body weight in kg when the caller knows a recent one
 * (null otherwise: a child's weight-based dose is then reported as not checkable). The orders module, which may read
 * the records module's vital signs, supplies the weight; medsafety reads only the patients module (age, lists).
 */
public record OrderCheckRequest(
        UUID patientId, ProposedDrug proposed, List<ActiveMedication> otherOrders, Double weightKg) {

    public OrderCheckRequest {
        otherOrders = otherOrders == null ? List.of() : List.copyOf(otherOrders);
    }

    @Override
    public String toString() {
        return "OrderCheckRequest[otherOrders=" + otherOrders.size() + ", weight=" + (weightKg != null) + "]";
    }
}
