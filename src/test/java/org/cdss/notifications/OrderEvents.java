package org.cdss.notifications;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.cdss.orders.OrderPriority;
import org.cdss.orders.OrderResultRecorded;
import org.cdss.orders.OrderStatus;
import org.cdss.orders.OrderStatusChanged;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the orders module's events the way it does: inside a committed transaction, so that they go through the
 * event publication registry. (The orders module itself is built beside this one.)
 */
final class OrderEvents {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID SURGERY = UUID.fromString("0d1f0000-0000-4000-8000-000000000003");
    static final UUID LABORATORY = UUID.fromString("0d1f0000-0000-4000-8000-000000000007");

    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    OrderEvents(ApplicationContext context) {
        this.events = context;
        this.tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    void commit(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    static OrderStatusChanged changed(
            UUID orderId, UUID doctor, UUID department, OrderStatus from, OrderStatus to, UUID actor) {
        return new OrderStatusChanged(
                orderId,
                number(orderId),
                org.cdss.orders.OrderType.LAB_TEST,
                OrderPriority.ROUTINE,
                UUID.randomUUID(),
                doctor,
                department,
                from,
                to,
                actor,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    static OrderResultRecorded result(UUID orderId, UUID doctor, boolean critical) {
        return new OrderResultRecorded(
                orderId,
                number(orderId),
                org.cdss.orders.OrderType.LAB_TEST,
                UUID.randomUUID(),
                doctor,
                LABORATORY,
                true,
                critical,
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    static String number(UUID orderId) {
        return "O-TEST-" + orderId.toString().substring(0, 8);
    }
}
