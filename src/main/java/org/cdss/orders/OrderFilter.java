package org.cdss.orders;

import java.time.Instant;
import java.util.UUID;

/** Filters of the order list; every field is optional. {@code from}/{@code to} bound the creation time. */
public record OrderFilter(
        OrderType type,
        OrderStatus status,
        OrderPriority priority,
        UUID departmentId,
        UUID patientId,
        UUID orderedBy,
        Instant from,
        Instant to) {

    public static OrderFilter none() {
        return new OrderFilter(null, null, null, null, null, null, null, null);
    }

    OrderFilter orderedBy(UUID doctor) {
        return new OrderFilter(type, status, priority, departmentId, patientId, doctor, from, to);
    }
}
