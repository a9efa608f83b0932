package org.cdss.fhir;

import java.time.Instant;
import org.cdss.orders.OrderView;

/** When an order last changed, as far as the order's own timestamps say ({@code meta.lastUpdated}). */
final class OrderStatuses {

    private OrderStatuses() {}

    static Instant lastChange(OrderView order) {
        Instant last = order.createdAt();
        for (Instant at : new Instant[] {order.sentAt(), order.startedAt(), order.completedAt(), order.cancelledAt()}) {
            if (at != null && (last == null || at.isAfter(last))) {
                last = at;
            }
        }
        return last;
    }
}
