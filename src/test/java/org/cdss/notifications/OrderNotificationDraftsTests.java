package org.cdss.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.UUID;
import org.cdss.orders.OrderPriority;
import org.cdss.orders.OrderStatus;
import org.cdss.orders.OrderStatusChanged;
import org.cdss.orders.OrderType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who is told of an order's transition, and how urgently (unit test of the drafts; storing them is tested apart). */
class OrderNotificationDraftsTests {

    private static final UUID DOCTOR = UUID.randomUUID();
    private static final UUID NURSE = UUID.randomUUID();
    private static final UUID LAB = UUID.randomUUID();

    /** A cancellation is as urgent as the order was: both the department and the prescriber are told so. */
    @ParameterizedTest(name = "{0} cancelled → urgent {1}")
    @CsvSource({"EMERGENCY, true", "STAT, true", "URGENT, false", "ROUTINE, false"})
    void a_cancelled_order_is_as_urgent_as_it_was(OrderPriority priority, boolean urgent) {
        OrderStatusChanged cancelled = new OrderStatusChanged(
                UUID.randomUUID(),
                "O-1",
                OrderType.LAB_TEST,
                priority,
                UUID.randomUUID(),
                DOCTOR,
                LAB,
                OrderStatus.SENT,
                OrderStatus.CANCELLED,
                NURSE,
                Instant.parse("2026-12-07T08:00:00Z"));

        assertThat(OrderNotifications.drafts(cancelled))
                .extracting(NotificationDraft::userId, NotificationDraft::departmentId, NotificationDraft::urgent)
                .containsExactlyInAnyOrder(tuple(DOCTOR, null, urgent), tuple(null, LAB, urgent));
    }
}
