package org.cdss.shared.db;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox after a restart (ADR 0011): delivers again the event publications that a stopped instance
 * committed but did not finish. Done here rather than by Spring Modulith's
 * {@code republish-outstanding-events-on-restart}, which reads the database while the context starts and so stops
 * CDSS from starting while the database is down (ADR 0003): here it runs once the schema is there — at start-up, or
 * when the database comes back ({@link DatabaseStartup.DatabaseMigrated}).
 *
 * <p>A stop while a failed delivery was being retried leaves its publication {@code RESUBMITTED}: Modulith's
 * resubmission skips that status (it takes it for a retry in flight) and its retry of failures reads only
 * {@code FAILED}, so such a publication would never be delivered. At start those are marked failed first (the table
 * is ours, V11, in Modulith's shape; its registry's own way to do it is not public API); a delivery
 * that another instance of a cluster is retrying at that moment may then run twice, which the listeners' unique keys
 * make harmless.
 */
@Component
class OutstandingEventPublications {

    private static final Logger log = LoggerFactory.getLogger(OutstandingEventPublications.class);

    private final IncompleteEventPublications incomplete;
    private final FailedEventPublications failed;
    private final JdbcClient jdbc;
    private final DatabaseStartup database;
    /** Failed deliveries are retried once they are this old (and then on every run while they keep failing). */
    private final Duration retryAfter;

    OutstandingEventPublications(
            IncompleteEventPublications incomplete,
            FailedEventPublications failed,
            JdbcClient jdbc,
            DatabaseStartup database,
            @Value("${cdss.events.retry-after:10s}") Duration retryAfter) {
        this.incomplete = incomplete;
        this.failed = failed;
        this.jdbc = jdbc;
        this.database = database;
        this.retryAfter = retryAfter;
    }

    /**
     * A listener that failed (e.g. no pooled connection within its timeout under overload, measured with
     * bench/ocs-load.sh) is delivered again, so that a stored notification is late rather than lost. Listeners are
     * idempotent (unique keys), so a retry cannot duplicate what a first attempt stored.
     */
    @Scheduled(fixedDelayString = "${cdss.events.retry-interval:15s}")
    void retryFailed() {
        if (!database.isMigrated()) {
            return;
        }
        try {
            logFailures();
            failed.resubmit(
                    ResubmissionOptions.defaults().withMinAge(retryAfter).withBatchSize(200));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not retry failed event publications: {}",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Which listeners are failing and how many deliveries each has waiting, at WARN: Modulith logs each failed
     * attempt at INFO (below what the tests log), and a notification that keeps failing must not go unseen.
     */
    private void logFailures() {
        jdbc.sql("SELECT listener_id, COUNT(*) FROM EVENT_PUBLICATION WHERE status = 'FAILED' GROUP BY listener_id")
                .query((rs, n) -> rs.getString(1) + " (" + rs.getLong(2) + ")")
                .list()
                .forEach(failing -> log.warn("Retrying failed event deliveries: {}", failing));
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (database.isMigrated()) {
            republish();
        }
    }

    @EventListener(DatabaseStartup.DatabaseMigrated.class)
    void onDatabaseBack() {
        republish();
    }

    private void republish() {
        try {
            int cutShort = jdbc.sql("UPDATE EVENT_PUBLICATION SET status = 'FAILED' WHERE status = 'RESUBMITTED'")
                    .update();
            if (cutShort > 0) {
                log.warn("{} event deliveries were being retried when CDSS stopped: delivering them again", cutShort);
            }
            incomplete.resubmitIncompletePublications(publication -> true);
        } catch (RuntimeException e) {
            log.error(
                    "Could not republish outstanding event publications: {}",
                    e.getClass().getSimpleName());
        }
    }
}
