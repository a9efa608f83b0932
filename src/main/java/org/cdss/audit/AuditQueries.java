package org.cdss.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.shared.PageView;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the audit trail: newest first, filtered, paginated (served by the indexes of V2__audit.sql). */
@Service
@Transactional(readOnly = true)
public class AuditQueries {

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One audit record by its id (the FHIR facade's AuditEvent read): administrators only, as the viewer. */
    @PreAuthorize("hasRole('ADMIN')")
    public java.util.Optional<AuditEntryView> entry(UUID id) {
        return jdbc.sql("SELECT * FROM audit_event WHERE id = :id")
                .param("id", id.toString())
                .query(AuditQueries::map)
                .optional();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PageView<AuditEntryView> search(AuditFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        Map<String, Object> params = new HashMap<>();
        if (filter.username() != null && !filter.username().isBlank()) {
            where.append(" AND username = :username");
            params.put("username", filter.username().trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.patientId() != null) {
            where.append(" AND patient_id = :patientId");
            params.put("patientId", filter.patientId().toString());
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            where.append(" AND action = :action");
            params.put("action", filter.action());
        }
        if (filter.outcome() != null) {
            where.append(" AND outcome = :outcome");
            params.put("outcome", filter.outcome().name());
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", UtcTimestamps.toColumn(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", UtcTimestamps.toColumn(filter.to()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_event" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditEntryView> rows = jdbc.sql("SELECT * FROM audit_event" + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(AuditQueries::map)
                .list();
        return PageView.of(rows, page, size, total);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_event ORDER BY action")
                .query(String.class)
                .list();
    }

    /** The user's own most recent actions, for their home page. */
    public List<AuditEntryView> recentFor(String username, int limit) {
        return jdbc.sql("SELECT * FROM audit_event WHERE username = :username ORDER BY occurred_at DESC, id DESC"
                        + " LIMIT :limit")
                .param("username", username)
                .param("limit", limit)
                .query(AuditQueries::map)
                .list();
    }

    public long countSince(Instant since, String action, String username) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM audit_event WHERE occurred_at >= :since");
        Map<String, Object> params = new HashMap<>(Map.of("since", UtcTimestamps.toColumn(since)));
        if (action != null) {
            sql.append(" AND action = :action");
            params.put("action", action);
        }
        if (username != null) {
            sql.append(" AND username = :username");
            params.put("username", username);
        }
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static AuditEntryView map(ResultSet rs, int row) throws SQLException {
        return new AuditEntryView(
                UUID.fromString(rs.getString("id")),
                UtcTimestamps.read(rs, "occurred_at"),
                uuid(rs.getString("user_id")),
                rs.getString("username"),
                rs.getString("roles"),
                rs.getString("action"),
                rs.getString("resource_type"),
                rs.getString("resource_id"),
                uuid(rs.getString("patient_id")),
                rs.getString("ip"),
                rs.getString("user_agent"),
                AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("detail"),
                null,
                null,
                null);
    }

    private static UUID uuid(String s) {
        return s == null ? null : UUID.fromString(s.trim());
    }
}
