package org.cdss.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Order counts of a period (by type, status, priority and target department), overdue open orders now, orders
 * created per day, and turnaround (sent → completed) per type in minutes.
 */
public record OrderStatisticsView(
        Instant from,
        Instant to,
        long total,
        Map<OrderType, Long> byType,
        Map<OrderStatus, Long> byStatus,
        Map<OrderPriority, Long> byPriority,
        Map<UUID, Long> byDepartment,
        long overdue,
        List<DayCount> perDay,
        List<Turnaround> turnaround) {

    public record DayCount(String day, long count) {}

    public record Turnaround(
            OrderType type, long completed, Double medianMinutes, Double p90Minutes, Double meanMinutes) {}
}
