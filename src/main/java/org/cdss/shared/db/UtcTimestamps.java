package org.cdss.shared.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How {@code JdbcClient} code stores and reads instants (ADR 0003): timestamp columns without zone that hold UTC
 * wall time, written and read as {@link LocalDateTime} in UTC, the same convention Hibernate follows with
 * {@code hibernate.jdbc.time_zone=UTC}. Independent of the JVM's and the database session's time zone.
 */
public final class UtcTimestamps {

    private UtcTimestamps() {}

    /** The column value for {@code instant} (null stays null). */
    public static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The instant stored in {@code column} (null stays null). */
    public static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
