package org.cdss.shared.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
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
    private final DatabaseStartup database;

    OutstandingEventPublications(IncompleteEventPublications incomplete, DatabaseStartup database) {
        this.incomplete = incomplete;
        this.database = database;
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
            log.error("Could not republish outstanding event publications: {}", e.getClass().getSimpleName());
        }
    }
}
