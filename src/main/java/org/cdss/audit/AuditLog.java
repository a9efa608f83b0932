package org.cdss.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cdss.shared.db.ColumnText;
import org.cdss.shared.db.RowIds;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit trail. Insert only: this class is the sole writer of {@code audit_event}, and it never updates
 * or deletes.
 *
 * <p>Inside a read-write transaction (an order created, a note signed) the row joins that transaction: it commits
 * with the change it records, in the same commit (one durable write instead of two, ADR 0043), and a crash can no
 * longer keep the one without the other. Should that transaction roll back (a refused attempt, a conflict), the same
 * row is written after the rollback on the audit's own auto-commit pool ({@link AuditConnections}), so refused
 * attempts stay recorded. Outside a transaction, or in a read-only one (reads), the row is written at once on that
 * pool: committed before {@code record} returns, in one commit with the rows other requests append at the same moment
 * ({@link GroupCommit}, ADR 0054).
 *
 * <p>A request that writes several such rows (a FHIR search reads through two or three module APIs, each auditing its
 * read, plus the FHIR interaction's own row) may collect them in a {@link Batch} ({@link #openBatch}) and have them
 * written together, in one transaction, before it answers ({@link #flushBatch}, and at the latest when the batch is
 * closed): one durable commit instead of one per row (ADR 0049). Rows of read-write transactions are not collected;
 * they behave as above.
 */
@Service
public class AuditLog {

    private static final String INSERT = """
            INSERT INTO audit_event (id, occurred_at, user_id, username, roles, action, resource_type,
                resource_id, patient_id, ip, user_agent, outcome, detail)
            VALUES (:id, :at, :userId, :username, :roles, :action, :resourceType, :resourceId, :patientId,
                :ip, :userAgent, :outcome, :detail)""";

    /**
     * Durable appends on the audit's own auto-commit pool, sharing commits with concurrent callers: reads, and rows
     * whose business transaction rolled back.
     */
    private final GroupCommit ownPoolAppends;
    /** The application's pool: joins the caller's read-write transaction. */
    private final JdbcClient inTransaction;

    private final Clock clock;

    /** The rows collected by the batch open on this thread, or none. */
    private final ThreadLocal<List<Map<String, Object>>> batch = new ThreadLocal<>();

    AuditLog(AuditConnections connections, JdbcClient application, Clock clock) {
        JdbcClient jdbc = connections.jdbc();
        this.ownPoolAppends = new GroupCommit(rows -> {
            if (rows.size() == 1) {
                jdbc.sql(INSERT).params(rows.getFirst()).update(); // auto-commit: no transaction to open
            } else {
                connections.insertTogether(INSERT, rows);
            }
        });
        this.inTransaction = application;
        this.clock = clock;
    }

    public void record(AuditEvent event) {
        AuditEvent.Actor actor = event.actor() != null
                ? event.actor()
                : CurrentUser.find().map(AuditEvent.Actor::of).orElse(null);
        HttpServletRequest request = currentRequest();
        Map<String, Object> row = new HashMap<>();
        row.put("id", RowIds.next().toString());
        row.put("at", UtcTimestamps.toColumn(clock.instant()));
        row.put(
                "userId",
                actor == null || actor.userId() == null ? null : actor.userId().toString());
        row.put("username", ColumnText.fit(actor == null ? null : actor.username(), 64));
        row.put("roles", ColumnText.fit(actor == null ? null : actor.roles(), 200));
        row.put("action", ColumnText.fit(event.action(), 60));
        row.put("resourceType", ColumnText.fit(event.resourceType(), 60));
        row.put("resourceId", ColumnText.fit(event.resourceId(), 64));
        row.put(
                "patientId",
                event.patientId() == null ? null : event.patientId().toString());
        row.put("ip", ColumnText.fit(request == null ? null : request.getRemoteAddr(), 64));
        row.put("userAgent", ColumnText.fit(request == null ? null : request.getHeader("User-Agent"), 400));
        row.put("outcome", (event.outcome() == null ? AuditOutcome.SUCCESS : event.outcome()).name());
        row.put("detail", ColumnText.fit(event.detail(), 1000));
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            inTransaction.sql(INSERT).params(row).update();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        ownPoolAppends.append(List.of(row));
                    }
                }
            });
        } else if (batch.get() != null) {
            batch.get().add(row);
        } else {
            ownPoolAppends.append(List.of(row));
        }
    }

    /**
     * Starts collecting this thread's rows that would be written at once on the audit's own pool, until the returned
     * batch is closed (in a {@code finally}: close writes what is left and ends the batch, so nothing collected is
     * dropped or carried into the next request on this thread). Inside an open batch the returned one is the same
     * batch: closing it only writes.
     */
    public Batch openBatch() {
        if (batch.get() != null) {
            return new Batch(false);
        }
        batch.set(new ArrayList<>());
        return new Batch(true);
    }

    /**
     * Writes the rows the open batch holds now, together, before the caller answers; none open or nothing held: does
     * nothing. A failure is thrown (the rows are not kept for a retry), so the request fails rather than answer
     * without its trail.
     */
    public void flushBatch() {
        List<Map<String, Object>> held = batch.get();
        if (held == null || held.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = List.copyOf(held);
        held.clear();
        ownPoolAppends.append(rows);
    }

    /** An open batch of audit rows ({@link #openBatch}). */
    public final class Batch implements AutoCloseable {

        private final boolean owner;

        private Batch(boolean owner) {
            this.owner = owner;
        }

        /** Writes what is left; the batch that opened it also ends collecting, even when the write fails. */
        @Override
        public void close() {
            try {
                flushBatch();
            } finally {
                if (owner) {
                    batch.remove();
                }
            }
        }
    }

    private static HttpServletRequest currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest();
        }
        return null;
    }
}
