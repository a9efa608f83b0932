/**
 * Orders (OCS): prescriptions to the pharmacy, lab tests to the laboratory, imaging to radiology and tissue exams to
 * pathology, each with a typed payload, a priority and a due time; a life cycle enforced here (pending → sent →
 * in progress → completed, or cancelled with a reason), routed to a department by a routing table, versioned
 * (optimistic locking) and idempotent on retry. Medication orders are checked by {@code medsafety} when created and
 * sent. Publishes {@link org.cdss.orders.OrderStatusChanged} and {@link org.cdss.orders.OrderResultRecorded}; the
 * {@code notifications} module turns them into persistent notifications and live pushes. Also owns order templates
 * (ADR 0038): doctors' favourite orders and departments' order sets, which administrators edit.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Orders (OCS)",
        allowedDependencies = {"shared", "audit", "identity", "medsafety", "patients", "records"})
@org.jspecify.annotations.NullMarked
package org.cdss.orders;
