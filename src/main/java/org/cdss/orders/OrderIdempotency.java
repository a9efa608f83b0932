package org.cdss.orders;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} of order requests, per user. The key is written first, in the transaction of the action:
 * a concurrent retry with the same key waits on (or collides with) that row and then replays the stored order
 * instead of acting a second time.
 */
@Component
class OrderIdempotency {

    static final int MAX_KEY = 100;

    private final JdbcClient jdbc;

    OrderIdempotency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The order a previous request with this key acted on; a key reused for another operation is refused. */
    Optional<UUID> previous(UUID userId, String key, String operation) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT operation, order_id FROM order_idempotency WHERE user_id = :u AND idempotency_key = :k")
                .param("u", userId.toString()).param("k", key)
                .query((rs, n) -> {
                    if (!rs.getString("operation").equals(operation)) {
                        throw new DomainException(ProblemCode.BUSINESS_RULE, "order.idempotency-key-reused");
                    }
                    return UUID.fromString(rs.getString("order_id"));
                }).optional();
    }

    void remember(UUID userId, String key, String operation, UUID orderId, Instant now) {
        if (key == null) {
            return;
        }
        jdbc.sql("INSERT INTO order_idempotency (user_id, idempotency_key, operation, order_id, created_at) "
                        + "VALUES (:u, :k, :op, :o, :at)")
                .param("u", userId.toString()).param("k", key).param("op", operation)
                .param("o", orderId.toString()).param("at", UtcTimestamps.toColumn(now)).update();
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
