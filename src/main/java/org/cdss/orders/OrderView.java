package org.cdss.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * An order as lists and worklists show it. {@code summary} is a one-line description of what is ordered in English
 * (e.g. "Amoxicillin 500 mg PO TID × 7 d") for notifications, the audit and FHIR's display; {@code item} holds the
 * same as fields, which the UI writes in the reader's language; {@code overdue} is true when it is not final and its due time has passed.
 * {@code cancelCause} says why a cancelled order was cancelled; {@code cancelReason} is the orderer's own words only
 * when it is REQUESTED or RETURNED. {@code overridden}: a blocking medication-safety alert was overridden at sending
 * (the pharmacist's worklist badges it); {@code messages}: the number of messages on its thread.
 * {@code prescriberMayCancel}: its prescriber may still cancel or revise it (not final, and not an imaging order
 * whose images were acquired, ADR 0041); the UI offers those buttons only then.
 */
public record OrderView(
        UUID id,
        String orderNumber,
        UUID patientId,
        String patientName,
        String patientMrn,
        OrderType type,
        OrderPriority priority,
        OrderStatus status,
        UUID targetDepartmentId,
        UUID orderedBy,
        String orderedByName,
        String summary,
        OrderItem item,
        Instant dueAt,
        boolean overdue,
        Instant createdAt,
        Instant sentAt,
        Instant startedAt,
        Instant completedAt,
        Instant cancelledAt,
        String cancelReason,
        CancelCause cancelCause,
        UUID replacesOrderId,
        Boolean lastCheckComplete,
        Integer lastCheckBlocking,
        long version,
        boolean overridden,
        int messages,
        boolean prescriberMayCancel) {

    /**
     * What is ordered: the one of {@code medication} (with the drug's name), {@code labTest} (with the test's name in
     * English and Korean), {@code imaging} or {@code tissueExam} that the order's type has; the others null.
     */
    public record OrderItem(
            OrderDetails.Medication medication,
            String drugName,
            OrderDetails.LabTest labTest,
            String labTestNameEn,
            String labTestNameKo,
            OrderDetails.Imaging imaging,
            OrderDetails.TissueExam tissueExam) {}
}
