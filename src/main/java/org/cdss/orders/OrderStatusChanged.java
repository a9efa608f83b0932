package org.cdss.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * An order moved along its life cycle ({@code from} is null when it was created). Ids and facts only, no patient data.
 * Published inside the transaction that changed the order, so the event publication registry stores it with the
 * change and delivers it after commit (and again after a crash).
 *
 * @param orderNumber human-readable order number (e.g. {@code O-20261125-000042}), no patient data
 * @param orderedBy the ordering doctor's user id
 * @param targetDepartmentId the department that carries the order out (from the routing table)
 * @param actorId who made the change
 */
@org.springframework.modulith.NamedInterface("events")
public record OrderStatusChanged(
        UUID orderId,
        String orderNumber,
        OrderType type,
        OrderPriority priority,
        UUID patientId,
        UUID orderedBy,
        UUID targetDepartmentId,
        OrderStatus from,
        OrderStatus to,
        UUID actorId,
        Instant at) {}
