package org.cdss.orders;

import java.time.Instant;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.medsafety.MedicationCheckResult;
import org.cdss.shared.DomainException;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.stereotype.Component;

/**
 * The steps every order command shares: finding the order the caller may see (404 otherwise), and storing a change
 * with its transition row and audit row in the same transaction (saving the order also publishes the events it
 * registered, see {@link Order}), answering the order as the caller now sees it.
 */
@Component
class OrderChanges {

    private final Orders orders;
    private final OrderRecords records;
    private final OrderViews views;
    private final AuditLog audit;

    OrderChanges(Orders orders, OrderRecords records, OrderViews views, AuditLog audit) {
        this.orders = orders;
        this.records = records;
        this.views = views;
        this.audit = audit;
    }

    Order visible(UUID id, CdssPrincipal user) {
        Order order = orders.findById(id).orElseThrow(DomainException::notFound);
        if (!OrderAccess.canSee(user, order)) {
            throw DomainException.notFound();
        }
        return order;
    }

    /** A new pending order, stored with the outcome of its check (no second UPDATE of the new row). */
    OrderDetailView created(Order order, MedicationCheckResult check, CdssPrincipal user, Instant now, String action) {
        orders.saveAndFlush(order);
        records.transition(order.id(), null, OrderStatus.PENDING, user.userId(), now, null);
        audit.record(AuditEvent.success(action, "Order", order.id(), order.patientId()));
        return views.load(order.id(), user).withSafety(check);
    }

    /** A move along the life cycle ({@code from} → the order's status now). */
    OrderDetailView moved(Order order, OrderStatus from, CdssPrincipal user, Instant now, String note, String action) {
        stored(order, from, user, now, note);
        audit.record(AuditEvent.success(action, "Order", order.id(), order.patientId()));
        return views.load(order.id(), user);
    }

    /** The transition row of a move, without an answer (the old order of a revision). */
    void stored(Order order, OrderStatus from, CdssPrincipal user, Instant now, String note) {
        orders.saveAndFlush(order);
        records.transition(order.id(), from, order.status(), user.userId(), now, note);
    }

    /** New content or a new check outcome of an order that stays where it is. */
    OrderDetailView saved(Order order, MedicationCheckResult check, CdssPrincipal user, String action) {
        orders.saveAndFlush(order);
        audit.record(AuditEvent.success(action, "Order", order.id(), order.patientId()));
        return views.load(order.id(), user).withSafety(check);
    }
}
