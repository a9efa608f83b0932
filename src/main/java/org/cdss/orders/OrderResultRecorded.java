package org.cdss.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * A result was entered for an order (lab values, or a result text for imaging and tissue exams). {@code critical} is
 * true when at least one lab value is flagged critical: the ordering doctor must be told urgently.
 */
@org.springframework.modulith.NamedInterface("events")
public record OrderResultRecorded(
        UUID orderId,
        String orderNumber,
        OrderType type,
        UUID patientId,
        UUID orderedBy,
        UUID targetDepartmentId,
        boolean abnormal,
        boolean critical,
        UUID actorId,
        Instant at) {}
