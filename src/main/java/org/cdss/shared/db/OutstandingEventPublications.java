package org.cdss.shared.db;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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
 */
@Component
class OutstandingEventPublications {

    private static final Logger log = LoggerFactory.getLogger(OutstandingEventPublications.class);

    private final IncompleteEventPublications incomplete;
    private final FailedEventPublications failed;
    private final DatabaseStartup database;
    /** Failed deliveries are retried once they are this old (and then on every run while they keep failing). */
    private final Duration retryAfter;

    OutstandingEventPublications(
            IncompleteEventPublications incomplete,
            FailedEventPublications failed,
            DatabaseStartup database,
            @Value("${cdss.events.retry-after:10s}") Duration retryAfter) {
        this.incomplete = incomplete;
        this.failed = failed;
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
            failed.resubmit(
                    ResubmissionOptions.defaults().withMinAge(retryAfter).withBatchSize(200));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not retry failed event publications: {}",
                    e.getClass().getSimpleName());
        }
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
            incomplete.resubmitIncompletePublications(publication -> true);
        } catch (RuntimeException e) {
            log.error(
                    "Could not republish outstanding event publications: {}",
                    e.getClass().getSimpleName());
        }
    }
}
