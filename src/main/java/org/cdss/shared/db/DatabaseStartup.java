package org.cdss.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs the Flyway migrations when the database can be reached. When it cannot (the database is down at start-up),
 * the application still starts, logs one clear line instead of a crash loop of stack traces, reports readiness DOWN
 * through this health indicator, and retries in the background until the schema is migrated.
 */
public class DatabaseStartup implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartup.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final String redactedUrl;
    private final ApplicationEventPublisher events;
    private final AtomicBoolean migrated = new AtomicBoolean();
    private volatile String lastError = "not migrated yet";

    DatabaseStartup(DataSource dataSource, String url, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.redactedUrl = url == null ? "?" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
        this.events = events;
    }

    void migrate(Flyway flyway) {
        if (reachable()) {
            flyway.migrate(); // a failing migration is a bug: let it stop the application
            markMigrated(false);
            return;
        }
        log.error(
                "Database unreachable at {} ({}); CDSS starts with readiness DOWN and retries every {} s.",
                redactedUrl,
                lastError,
                RETRY_EVERY.toSeconds());
        Thread.ofVirtual().name("cdss-db-retry").start(() -> retryUntilMigrated(flyway));
    }

    private void retryUntilMigrated(Flyway flyway) {
        while (!migrated.get()) {
            try {
                Thread.sleep(RETRY_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (reachable()) {
                try {
                    flyway.migrate();
                    markMigrated(true);
                    log.info("Database reachable again at {}; schema migrated, readiness UP.", redactedUrl);
                } catch (RuntimeException e) {
                    lastError = e.getClass().getSimpleName();
                    log.error("Migration failed after the database came back: {}", e.getMessage());
                    return;
                }
            }
        }
    }

    private void markMigrated(boolean late) {
        migrated.set(true);
        lastError = null;
        if (late) {
            events.publishEvent(new DatabaseMigrated());
        }
    }

    private boolean reachable() {
        try (Connection ignored = dataSource.getConnection()) {
            return true;
        } catch (SQLException e) {
            lastError = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
            return false;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public boolean isMigrated() {
        return migrated.get();
    }

    @Override
    public Health health() {
        return migrated.get()
                ? Health.up().build()
                : Health.down().withDetail("schema", "not migrated").build();
    }

    /** Published when the schema was migrated after a late database start, so start-up work can run then. */
    public record DatabaseMigrated() {}
}
