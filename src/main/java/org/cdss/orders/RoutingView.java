package org.cdss.orders;

import java.time.Instant;
import java.util.UUID;

/** One row of the routing table: orders of {@code type} go to {@code departmentId}. */
public record RoutingView(OrderType type, UUID departmentId, Instant updatedAt, UUID updatedBy) {}
