package org.cdss.support;

import java.util.HashMap;
import java.util.Map;

/** Request bodies of {@code POST /api/ocs/orders} that several integration tests send. */
public final class OrderBodies {

    private OrderBodies() {}

    /** A routine oral medication order, once a day for 7 days, of {@code dose} mg of the drug (a DrugBank id). */
    public static Map<String, Object> medication(Object patientId, String drugId, Number dose) {
        return Map.of(
                "patientId",
                patientId,
                "type",
                "MEDICATION",
                "priority",
                "ROUTINE",
                "medication",
                Map.of(
                        "drugId",
                        drugId,
                        "dose",
                        dose,
                        "doseUnit",
                        "mg",
                        "route",
                        "PO",
                        "frequency",
                        "QD",
                        "durationDays",
                        7,
                        "quantity",
                        7));
    }

    /** The same order confirmed as an intended second open order of its ingredient. */
    public static Map<String, Object> intendedDuplicate(Map<String, Object> order) {
        Map<String, Object> copy = new HashMap<>(order);
        copy.put("intendedDuplicate", true);
        return copy;
    }
}
