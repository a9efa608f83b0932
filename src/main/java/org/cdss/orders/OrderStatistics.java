package org.cdss.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.shared.HospitalZone;
import org.cdss.shared.db.DatabaseVendor;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CdssPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts and turnaround of orders over a period (the OCS dashboard), of the orders the caller may see: grouped
 * queries, no patient data, so no audit row. Split out of {@link OrderQueries}, which had grown past 600 lines.
 */
@Service
class OrderStatistics {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final DatabaseVendor vendor;

    OrderStatistics(JdbcClient jdbc, Clock clock, HospitalZone zone, DatabaseVendor vendor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone.zoneId();
        this.vendor = vendor;
    }

    /**
     * Counts and turnaround of orders created in [from, to), of the orders the caller may see
     * ({@link OrderAccess#visibility}). Computed by grouped queries (ADR 0016): the rows are never loaded, whatever
     * the size of the period.
     */
    @Transactional(readOnly = true)
    public OrderStatisticsView statistics(Instant from, Instant to) {
        CdssPrincipal user = OrderAccess.reader();
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(Duration.ofDays(30));
        Map<String, Object> params = new HashMap<>();
        params.put("from", UtcTimestamps.toColumn(start));
        params.put("to", UtcTimestamps.toColumn(end));
        String where = " WHERE o.created_at >= :from AND o.created_at < :to"
                + OrderAccess.visibility(user).sql(params);

        Map<OrderType, Long> byType = new EnumMap<>(OrderType.class);
        Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
        Map<OrderPriority, Long> byPriority = new EnumMap<>(OrderPriority.class);
        Map<UUID, Long> byDepartment = new LinkedHashMap<>();
        long[] totals = new long[2];
        Map<String, Object> countParams = new HashMap<>(params);
        countParams.put("now", UtcTimestamps.toColumn(clock.instant()));
        jdbc.sql("SELECT o.target_department_id, o.order_type, o.status, o.priority, COUNT(*) AS n, "
                        + "SUM(CASE WHEN o.status IN ('PENDING','SENT','IN_PROGRESS') AND o.due_at < :now "
                        + "THEN 1 ELSE 0 END) AS overdue FROM clinical_order o" + where
                        + " GROUP BY o.target_department_id, o.order_type, o.status, o.priority"
                        + " ORDER BY o.target_department_id")
                .params(countParams)
                .query((rs, n) -> {
                    long count = rs.getLong("n");
                    byType.merge(OrderType.valueOf(rs.getString("order_type")), count, Long::sum);
                    byStatus.merge(OrderStatus.valueOf(rs.getString("status")), count, Long::sum);
                    byPriority.merge(OrderPriority.valueOf(rs.getString("priority")), count, Long::sum);
                    byDepartment.merge(OrderRecords.uuid(rs, "target_department_id"), count, Long::sum);
                    totals[0] += count;
                    totals[1] += rs.getLong("overdue");
                    return null;
                })
                .list();

        // Days in the hospital's zone: the database groups by UTC date and hour (portable), each hour is then placed
        // on its local day (exact for zones whose offset is whole hours, as the hospital's).
        Map<String, Long> perDay = new java.util.TreeMap<>();
        jdbc.sql("SELECT CAST(o.created_at AS DATE) AS d, EXTRACT(HOUR FROM o.created_at) AS h, COUNT(*) AS n "
                        + "FROM clinical_order o" + where
                        + " GROUP BY CAST(o.created_at AS DATE), EXTRACT(HOUR FROM o.created_at)")
                .params(params)
                .query((rs, n) -> {
                    java.time.LocalDate utcDay = rs.getObject("d", java.time.LocalDate.class);
                    String day = utcDay.atTime(rs.getInt("h"), 0)
                            .toInstant(java.time.ZoneOffset.UTC)
                            .atZone(zone)
                            .toLocalDate()
                            .toString();
                    perDay.merge(day, rs.getLong("n"), Long::sum);
                    return null;
                })
                .list();

        return new OrderStatisticsView(
                start,
                end,
                totals[0],
                byType,
                byStatus,
                byPriority,
                byDepartment,
                totals[1],
                perDay.entrySet().stream()
                        .map(e -> new OrderStatisticsView.DayCount(e.getKey(), e.getValue()))
                        .toList(),
                turnaround(where, params));
    }

    /**
     * Turnaround (sent → completed, whole seconds, shown in minutes) per type: count, nearest-rank median and 90th
     * percentile ({@code PERCENTILE_DISC}) and mean, computed by the database. PostgreSQL and H2 have the percentile
     * as a grouped aggregate, MariaDB only as a window function; the difference of two timestamps is spelt per
     * vendor too.
     */
    private List<OrderStatisticsView.Turnaround> turnaround(String where, Map<String, Object> params) {
        String seconds = vendor == DatabaseVendor.POSTGRESQL
                ? "FLOOR(EXTRACT(EPOCH FROM (o.completed_at - o.sent_at)))"
                : "FLOOR(TIMESTAMPDIFF(MICROSECOND, o.sent_at, o.completed_at) / 1000000)";
        String completed =
                where + " AND o.status = 'COMPLETED' AND o.sent_at IS NOT NULL" + " AND o.completed_at IS NOT NULL";
        String sql = vendor == DatabaseVendor.MARIADB
                ? "SELECT DISTINCT t.order_type, COUNT(*) OVER " + PER_TYPE + " AS n, AVG(t.s) OVER " + PER_TYPE
                        + " AS mean, PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY t.s) OVER " + PER_TYPE + " AS median, "
                        + "PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY t.s) OVER " + PER_TYPE + " AS p90 "
                        + "FROM (SELECT o.order_type, " + seconds + " AS s FROM clinical_order o" + completed + ") t"
                : "SELECT o.order_type, COUNT(*) AS n, AVG(" + seconds + ") AS mean, "
                        + "PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY " + seconds + ") AS median, "
                        + "PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY " + seconds + ") AS p90 "
                        + "FROM clinical_order o" + completed + " GROUP BY o.order_type";
        Map<OrderType, OrderStatisticsView.Turnaround> byType = new EnumMap<>(OrderType.class);
        jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> {
                    OrderType type = OrderType.valueOf(rs.getString("order_type"));
                    byType.put(
                            type,
                            new OrderStatisticsView.Turnaround(
                                    type,
                                    rs.getLong("n"),
                                    minutes(rs, "median"),
                                    minutes(rs, "p90"),
                                    minutes(rs, "mean")));
                    return null;
                })
                .list();
        List<OrderStatisticsView.Turnaround> turnaround = new ArrayList<>();
        for (OrderType type : OrderType.values()) {
            turnaround.add(byType.getOrDefault(type, new OrderStatisticsView.Turnaround(type, 0, null, null, null)));
        }
        return turnaround;
    }

    /** MariaDB's window (it has no named windows for the percentile functions). */
    private static final String PER_TYPE = "(PARTITION BY t.order_type)";

    private static Double minutes(ResultSet rs, String column) throws SQLException {
        BigDecimal seconds = rs.getBigDecimal(column);
        return seconds == null ? null : seconds.doubleValue() / 60.0;
    }
}
