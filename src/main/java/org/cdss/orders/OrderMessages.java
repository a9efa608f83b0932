package org.cdss.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.identity.IdentityQueries;
import org.cdss.shared.DomainException;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The thread on an order between the department that carries it out and the prescriber (issue 15 item 5): a
 * pharmacist queries the prescriber before verifying, the prescriber answers. Only those two sides write (the
 * department's performers, {@link OrderAccess#requirePerformer}, and the ordering doctor); whoever may see the order
 * reads. A final order takes no more messages. Each message publishes {@link OrderMessagePosted}, which the
 * notifications module turns into a notification (and live push) for the other side; reads and writes are audited.
 */
@Service
class OrderMessages {

    private final OrderChanges changes;
    private final JdbcClient jdbc;
    private final IdentityQueries identity;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    OrderMessages(
            OrderChanges changes,
            JdbcClient jdbc,
            IdentityQueries identity,
            ApplicationEventPublisher events,
            AuditLog audit,
            Clock clock) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.identity = identity;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** One message: who wrote it (name), which way it went, when. */
    public record OrderMessageView(
            UUID id, UUID authorId, String authorName, boolean toPrescriber, String body, Instant createdAt) {}

    @Transactional(readOnly = true)
    public List<OrderMessageView> thread(UUID orderId) {
        CdssPrincipal user = OrderAccess.reader();
        Order order = changes.visible(orderId, user);
        audit.record(AuditEvent.success("ORDER_MESSAGES_READ", "Order", orderId, order.patientId()));
        return jdbc.sql("SELECT * FROM order_message WHERE order_id = :o ORDER BY created_at, id")
                .param("o", orderId.toString())
                .query((rs, n) -> {
                    UUID author = OrderRecords.uuid(rs, "author_id");
                    return new OrderMessageView(
                            OrderRecords.uuid(rs, "id"),
                            author,
                            name(author),
                            rs.getBoolean("to_prescriber"),
                            rs.getString("body"),
                            UtcTimestamps.read(rs, "created_at"));
                })
                .list();
    }

    /** A query (from the department) or an answer (from the prescriber); anyone else who sees the order gets 403. */
    @Transactional
    public OrderMessageView post(UUID orderId, String body) {
        CdssPrincipal user = CurrentUser.require();
        Order order = changes.visible(orderId, user);
        boolean prescriber = user.has(org.cdss.shared.security.Role.DOCTOR)
                && order.orderedBy().equals(user.userId());
        if (!prescriber) {
            OrderAccess.requirePerformer(user, order);
        }
        if (order.status().isFinal()) {
            throw new DomainException(OrderProblem.INVALID_TRANSITION);
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO order_message (id, order_id, author_id, to_prescriber, body, created_at) "
                        + "VALUES (:id, :o, :a, :p, :b, :t)")
                .param("id", id.toString())
                .param("o", orderId.toString())
                .param("a", user.userId().toString())
                .param("p", !prescriber)
                .param("b", body.strip())
                .param("t", UtcTimestamps.toColumn(now))
                .update();
        events.publishEvent(new OrderMessagePosted(
                id,
                orderId,
                order.orderNumber(),
                order.type(),
                order.patientId(),
                order.orderedBy(),
                order.targetDepartmentId(),
                !prescriber,
                user.userId(),
                now));
        audit.record(AuditEvent.success(
                prescriber ? "ORDER_QUERY_ANSWER" : "ORDER_QUERY", "Order", orderId, order.patientId()));
        return new OrderMessageView(id, user.userId(), name(user.userId()), !prescriber, body.strip(), now);
    }

    private String name(UUID user) {
        return identity.staffName(user).orElse(null);
    }
}
