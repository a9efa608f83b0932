package org.cdss.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.shared.security.CdssPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the imaging module (the PACS side) may ask of imaging orders: without a logged-in user, the facts of a sent
 * imaging order it publishes as a worklist entry, and the move SENT → IN_PROGRESS when a study carrying the order's
 * accession number arrived in the archive. The move goes through {@link Order}'s own life cycle (it refuses what the
 * life cycle does not allow) and is recorded as a transition by the {@link #SYSTEM_ACTOR}.
 */
@Service
public class ImagingOrderAcquisition {

    /** The actor id of moves made by the system (the PACS change feed), not by a person. */
    public static final UUID SYSTEM_ACTOR = UUID.fromString("00000000-0000-4000-8000-00000000a001");

    private final Orders orders;
    private final OrderRecords records;
    private final AuditLog audit;
    private final Clock clock;

    ImagingOrderAcquisition(Orders orders, OrderRecords records, AuditLog audit, Clock clock) {
        this.orders = orders;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** The facts of an imaging order, for its worklist entry. Ids and codes only; no patient data. */
    public record ImagingOrderFacts(
            UUID orderId,
            String orderNumber,
            UUID patientId,
            OrderStatus status,
            OrderDetails.@Nullable Modality modality,
            @Nullable String bodyPart,
            @Nullable Instant dueAt) {}

    @Transactional(readOnly = true)
    public Optional<ImagingOrderFacts> imagingOrder(UUID orderId) {
        return orders.findById(orderId)
                .filter(o -> o.type() == OrderType.IMAGING)
                .map(ImagingOrderAcquisition::facts);
    }

    /**
     * The facts of several imaging orders read in one query (the reconciliation list), by order id, of the orders
     * {@code user} may see ({@link OrderAccess#visibility}: imaging staff see the sent imaging orders routed to their
     * own departments); ids of no imaging order, or of one the user may not see, are left out.
     */
    @Transactional(readOnly = true)
    public Map<UUID, ImagingOrderFacts> imagingOrders(CdssPrincipal user, Collection<UUID> orderIds) {
        Map<UUID, ImagingOrderFacts> facts = new HashMap<>();
        if (!orderIds.isEmpty()) {
            OrderAccess.Visibility visible = OrderAccess.visibility(user);
            orders.findAllById(Set.copyOf(orderIds)).stream()
                    .filter(o -> o.type() == OrderType.IMAGING)
                    .filter(o -> visible.admits(o.type(), o.targetDepartmentId(), o.patientId(), o.sentAt() != null))
                    .forEach(o -> facts.put(o.id(), facts(o)));
        }
        return facts;
    }

    private static ImagingOrderFacts facts(Order o) {
        return new ImagingOrderFacts(
                o.id(), o.orderNumber(), o.patientId(), o.status(), o.imgModality(), o.imgBodyPart(), o.dueAt());
    }

    /**
     * A study for this imaging order arrived: a SENT order moves to IN_PROGRESS (publishing
     * {@link OrderStatusChanged}). Idempotent: an order already further along (or not imaging) is left as it is and
     * {@code false} is answered.
     */
    @Transactional
    public boolean studyArrived(UUID orderId) {
        Order order = orders.findById(orderId).orElse(null);
        if (order == null || order.type() != OrderType.IMAGING || order.status() != OrderStatus.SENT) {
            return false;
        }
        Instant now = clock.instant();
        OrderStatus from = order.start(SYSTEM_ACTOR, now);
        orders.saveAndFlush(order);
        records.transition(order.id(), from, order.status(), SYSTEM_ACTOR, now, "Study received in the PACS");
        audit.record(new AuditEvent(
                "ORDER_START",
                "Order",
                order.id().toString(),
                order.patientId(),
                org.cdss.audit.AuditOutcome.SUCCESS,
                "study received in the PACS",
                new AuditEvent.Actor(null, "system", "SYSTEM")));
        return true;
    }
}
