package org.cdss.orders;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.cdss.audit.AuditOutcome;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.cdss.shared.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Idempotency-Key} of order requests, per user: the one wrapper every keyed command runs through
 * ({@link #once}). A retried request (same key) answers the order as the first request left it and acts only once;
 * the key is written in the transaction of the action, at the point the command names ({@link Key#remember}), so a
 * concurrent retry with the same key waits on (or collides with) that row and then replays the stored order instead
 * of acting a second time. A key reused for another operation or another order is {@code
 * order.idempotency-key-reused}.
 */
@Component
class OrderIdempotency {

    static final int MAX_KEY = 100;

    /** Records the key of the running command for the order it acted on (nothing without a key). */
    @FunctionalInterface
    interface Key {
        void remember(UUID orderId, Instant now);
    }

    /** For commands that take no key. */
    static final Key NONE = (orderId, now) -> {};

    private final JdbcClient jdbc;
    private final OrderViews views;
    private final AuditLog audit;
    private final TransactionTemplate readOnly;

    OrderIdempotency(JdbcClient jdbc, OrderViews views, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.views = views;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Runs {@code command} (transactional itself) once per key: with a key already used by the caller for this
     * operation (and this order, when {@code orderId} is given) it answers that order as it is now; when a
     * concurrent request with the same key wins the race to record it, the loser's transaction rolls back and it
     * answers what the winner did.
     */
    OrderDetailView once(
            String idempotencyKey, String operation, UUID orderId, Function<Key, OrderDetailView> command) {
        String key = validKey(idempotencyKey);
        if (key == null) {
            return command.apply(NONE);
        }
        CdssPrincipal user = CurrentUser.require();
        Optional<OrderDetailView> replay = replay(user, key, operation, orderId);
        if (replay.isPresent()) {
            return replay.get();
        }
        try {
            return command.apply((order, now) -> remember(user.userId(), key, operation, order, now));
        } catch (KeyTaken e) {
            return replay(user, key, operation, orderId)
                    .orElseThrow(
                            () -> new DomainException(OrderProblem.REQUEST_IN_PROGRESS, "order.request-in-progress"));
        }
    }

    /**
     * A concurrent request with the same key recorded it first. Only the key's own INSERT turns into this: any other
     * integrity error of the command (a value the database refuses) is not a retry in progress and must not answer
     * one, or a client retrying with its key would be told "in progress" forever.
     */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken(DataIntegrityViolationException cause) {
            super(null, cause, false, false);
        }
    }

    private Optional<OrderDetailView> replay(CdssPrincipal user, String key, String operation, UUID orderId) {
        return readOnly.execute(status -> previous(user.userId(), key, operation)
                .map(previous -> {
                    if (orderId != null && !previous.equals(orderId)) {
                        throw new DomainException(OrderProblem.IDEMPOTENCY_KEY_REUSED, "order.idempotency-key-reused");
                    }
                    OrderDetailView view = views.load(previous, user);
                    // the replay answers the order as it is now (results, dispenses, the patient's header): a read
                    audit.record(new AuditEvent(
                            "ORDER_READ",
                            "Order",
                            previous.toString(),
                            view.order().patientId(),
                            AuditOutcome.SUCCESS,
                            "idempotent replay of " + operation,
                            null));
                    return view;
                }));
    }

    /** The order a previous request with this key acted on; a key reused for another operation is refused. */
    private Optional<UUID> previous(UUID userId, String key, String operation) {
        return jdbc.sql("SELECT operation, order_id FROM order_idempotency WHERE user_id = :u AND idempotency_key = :k")
                .param("u", userId.toString())
                .param("k", key)
                .query((rs, n) -> {
                    if (!rs.getString("operation").equals(operation)) {
                        throw new DomainException(OrderProblem.IDEMPOTENCY_KEY_REUSED, "order.idempotency-key-reused");
                    }
                    return UUID.fromString(rs.getString("order_id"));
                })
                .optional();
    }

    private void remember(UUID userId, String key, String operation, UUID orderId, Instant now) {
        try {
            jdbc.sql("INSERT INTO order_idempotency (user_id, idempotency_key, operation, order_id, created_at) "
                            + "VALUES (:u, :k, :op, :o, :at)")
                    .param("u", userId.toString())
                    .param("k", key)
                    .param("op", operation)
                    .param("o", orderId.toString())
                    .param("at", UtcTimestamps.toColumn(now))
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw new KeyTaken(e); // rolls the command back; once() answers what the winner did
        }
    }

    static String validKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY || !key.matches("[\\x21-\\x7E]+")) {
            throw new DomainException(ProblemCode.VALIDATION, "order.idempotency-key-invalid");
        }
        return key;
    }
}
