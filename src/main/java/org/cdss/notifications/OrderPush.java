package org.cdss.notifications;

import java.util.HashMap;
import java.util.Map;
import org.cdss.orders.OrderStatus;
import org.cdss.orders.OrderStatusChanged;
import org.cdss.shared.security.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After an order change commits, tells the browsers that list it, on every instance ({@link PushHints}): the target
 * department's staff (their worklist), the ordering doctor ("my orders") and administrators. Ids and facts only: the
 * browser refetches. A pending order is the prescriber's draft, so the department hears of it only once it is sent.
 */
@Component
class OrderPush {

    private final PushHints hints;

    OrderPush(PushHints hints) {
        this.hints = hints;
    }

    @EventListener
    void on(OrderStatusChanged event) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("orderId", event.orderId());
        payload.put("type", event.type().name());
        payload.put("status", event.to().name());
        payload.put("priority", event.priority().name());
        payload.put("departmentId", event.targetDepartmentId());
        boolean draft = event.to() == OrderStatus.PENDING;
        hints.afterCommit(new Push(
                "order",
                payload,
                Push.Audience.of(event.orderedBy(), draft ? null : event.targetDepartmentId(), Role.ADMIN)));
    }
}
