package org.cdss.orders;

/** Life cycle of an order: PENDING → SENT → IN_PROGRESS → COMPLETED, or CANCELLED from any state before COMPLETED. */
@org.springframework.modulith.NamedInterface("events")
public enum OrderStatus {
    PENDING,
    SENT,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
