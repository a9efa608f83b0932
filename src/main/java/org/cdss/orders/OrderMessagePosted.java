package org.cdss.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * A message was added to an order's thread: a query of the department that carries the order out to its prescriber
 * ({@code toPrescriber}), or the prescriber's answer to the department. Ids and facts only, never the text.
 */
@org.springframework.modulith.NamedInterface("events")
public record OrderMessagePosted(
        UUID messageId,
        UUID orderId,
        String orderNumber,
        OrderType type,
        UUID patientId,
        UUID orderedBy,
        UUID targetDepartmentId,
        boolean toPrescriber,
        UUID authorId,
        Instant at) {}
