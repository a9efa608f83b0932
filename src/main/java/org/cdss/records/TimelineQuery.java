package org.cdss.records;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What a {@link TimelineSource} is asked for: one patient's items of the given types (empty: all), occurred in
 * {@code [from, to)} (either bound may be null).
 */
public record TimelineQuery(UUID patientId, Set<String> types, Instant from, Instant to) {

    public TimelineQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** Whether items of this type are wanted. */
    public boolean wants(String type) {
        return types.isEmpty() || types.contains(type);
    }

    /**
     * {@code select} (a SELECT … FROM …) restricted to this query's patient ({@code patientColumn}) and period (on the
     * time column {@code at}), followed by {@code tail} (ORDER BY, LIMIT, further conditions starting with AND):
     * the one place sources build their SQL restriction.
     */
    public org.springframework.jdbc.core.simple.JdbcClient.StatementSpec restrict(
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            String select,
            String patientColumn,
            String at,
            String tail) {
        StringBuilder sql = new StringBuilder(select)
                .append(" WHERE ")
                .append(patientColumn)
                .append(" = :p");
        if (from != null) {
            sql.append(" AND ").append(at).append(" >= :from");
        }
        if (to != null) {
            sql.append(" AND ").append(at).append(" < :to");
        }
        var spec = jdbc.sql(sql + tail).param("p", patientId.toString());
        if (from != null) {
            spec = spec.param("from", org.cdss.shared.db.UtcTimestamps.toColumn(from));
        }
        if (to != null) {
            spec = spec.param("to", org.cdss.shared.db.UtcTimestamps.toColumn(to));
        }
        return spec;
    }
}
