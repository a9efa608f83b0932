package org.cdss.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The routing table (order type → department), data that administrators edit. */
@Component
class OrderRouting {

    private final JdbcClient jdbc;

    OrderRouting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID departmentFor(OrderType type) {
        return jdbc.sql("SELECT department_id FROM order_routing WHERE order_type = :t")
                .param("t", type.name())
                .query(String.class)
                .optional()
                .map(UUID::fromString)
                .orElseThrow(() -> new IllegalStateException("no routing for " + type));
    }

    List<RoutingView> all() {
        return jdbc.sql("SELECT * FROM order_routing ORDER BY order_type")
                .query((rs, n) -> new RoutingView(
                        OrderType.valueOf(rs.getString("order_type")),
                        UUID.fromString(rs.getString("department_id")),
                        UtcTimestamps.read(rs, "updated_at"),
                        rs.getString("updated_by") == null ? null : UUID.fromString(rs.getString("updated_by"))))
                .list();
    }

    void route(OrderType type, UUID departmentId, UUID by, Instant now) {
        jdbc.sql("UPDATE order_routing SET department_id = :d, updated_at = :at, updated_by = :by "
                        + "WHERE order_type = :t")
                .param("d", departmentId.toString())
                .param("at", UtcTimestamps.toColumn(now))
                .param("by", by.toString())
                .param("t", type.name())
                .update();
    }
}
