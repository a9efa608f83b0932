package org.cdss.notifications;

import java.util.HashMap;
import java.util.Map;
import org.cdss.orders.OrderStatusChanged;
import org.cdss.shared.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * After an order change commits ({@link AfterCommit}), tells the browsers that list it: the target department's staff (their worklist),
 * the ordering doctor ("my orders") and the care team's open order lists. Ids and facts only: the browser refetches.
 * A pending order is the prescriber's draft, so the department hears of it only once it is sent.
 */
@Component
class OrderPush {

    private final PushChannel channel;

    OrderPush(PushChannel channel) {
        this.channel = channel;
    }

    @EventListener
    void on(OrderStatusChanged event) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("orderId", event.orderId());
        payload.put("type", event.type().name());
        payload.put("status", event.to().name());
        payload.put("priority", event.priority().name());
        payload.put("departmentId", event.targetDepartmentId());
        boolean draft = event.to() == org.cdss.orders.OrderStatus.PENDING;
        AfterCommit.run(() -> channel.publish(new PushMessage("order", payload),
                s -> s.userId().equals(event.orderedBy())
                        || (!draft && s.departmentIds().contains(event.targetDepartmentId()))
                        || s.roles().contains(Role.ADMIN)));
    }
}
