package org.cdss.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Order templates as the API answers them (ADR 0038): a doctor's favourites and the departments' order sets. */
public final class OrderTemplateViews {

    private OrderTemplateViews() {}

    /** One favourite order of the logged-in doctor; {@code itemName} names what it orders (product, test, …). */
    /**
     * A favourite: {@code itemName} is the product's or test's English name, {@code itemNameKo} its Korean name (null
     * for favourites saved before V37), {@code label} the doctor's own name for it (null until renamed).
     */
    public record Favourite(
            UUID id,
            String itemName,
            String itemNameKo,
            String label,
            OrderRequests.OrderTemplate template,
            Instant createdAt) {}

    /** One line of an order set, in the set's order. */
    public record OrderSetItem(String itemName, String itemNameKo, OrderRequests.OrderTemplate template) {}

    /** A department's named order set; {@code version} guards administrators' concurrent edits. */
    public record OrderSet(
            UUID id,
            UUID departmentId,
            String name,
            List<OrderSetItem> items,
            long version,
            Instant updatedAt,
            UUID updatedBy) {}
}
