package org.cdss.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.cdss.shared.db.ColumnText;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit trail. Each record is written at once on the audit's own auto-commit connection pool
 * ({@link AuditConnections}), outside the caller's transaction, so that reads (in read-only transactions) and refused
 * attempts (whose transaction rolls back) are recorded too. Insert only: this class is the
 * sole writer of {@code audit_event}, and it never updates or deletes.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(AuditConnections connections, Clock clock) {
        this.jdbc = connections.jdbc();
        this.clock = clock;
    }

    public void record(AuditEvent event) {
        AuditEvent.Actor actor = event.actor() != null
                ? event.actor()
                : CurrentUser.find().map(AuditEvent.Actor::of).orElse(null);
        HttpServletRequest request = currentRequest();
        jdbc.sql("""
                INSERT INTO audit_event (id, occurred_at, user_id, username, roles, action, resource_type,
                    resource_id, patient_id, ip, user_agent, outcome, detail)
                VALUES (:id, :at, :userId, :username, :roles, :action, :resourceType, :resourceId, :patientId,
                    :ip, :userAgent, :outcome, :detail)""")
                .param("id", UUID.randomUUID().toString())
                .param("at", UtcTimestamps.toColumn(clock.instant()))
                .param(
                        "userId",
                        actor == null || actor.userId() == null
                                ? null
                                : actor.userId().toString())
                .param("username", ColumnText.fit(actor == null ? null : actor.username(), 64))
                .param("roles", ColumnText.fit(actor == null ? null : actor.roles(), 200))
                .param("action", ColumnText.fit(event.action(), 60))
                .param("resourceType", ColumnText.fit(event.resourceType(), 60))
                .param("resourceId", ColumnText.fit(event.resourceId(), 64))
                .param(
                        "patientId",
                        event.patientId() == null ? null : event.patientId().toString())
                .param("ip", ColumnText.fit(request == null ? null : request.getRemoteAddr(), 64))
                .param("userAgent", ColumnText.fit(request == null ? null : request.getHeader("User-Agent"), 400))
                .param("outcome", (event.outcome() == null ? AuditOutcome.SUCCESS : event.outcome()).name())
                .param("detail", ColumnText.fit(event.detail(), 1000))
                .update();
    }

    private static HttpServletRequest currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest();
        }
        return null;
    }
}
