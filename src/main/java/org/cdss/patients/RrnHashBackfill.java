package org.cdss.patients;

import java.util.List;
import java.util.UUID;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, hashes the resident registration numbers stored before the keyed hash existed (ADR 0026): each
 * number without a hash is decrypted and hashed, oldest record first. A number an older record already holds is not
 * hashed again (the unique index would refuse it): the younger record gets {@code rrn_duplicate_of} instead and is
 * listed for an administrator's merge. A value that does not decrypt is left alone and counted. Idempotent (only
 * rows with neither a hash nor a duplicate mark are read); logs and audits counts only, never a number. CDSS starts
 * with the database down (readiness DOWN), and instances may start together (one's update then loses to the unique
 * index): either way the backfill is deferred and retried every minute until it has run once to the end.
 */
@Component
class RrnHashBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RrnHashBackfill.class);
    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final RrnCipher cipher;
    private final RrnHasher hasher;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    RrnHashBackfill(
            JdbcClient jdbc, RrnCipher cipher, RrnHasher hasher, TransactionTemplate transactions, AuditLog audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.hasher = hasher;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** How many numbers were hashed, found to duplicate an older record's, or could not be read. */
    record Result(int hashed, int duplicates, int unreadable) {}

    private record Stored(String id, String value) {}

    private volatile boolean done;

    @Override
    public void run(ApplicationArguments args) {
        backfillOrDefer();
    }

    @Scheduled(
            initialDelayString = "${cdss.patients.rrn-backfill-retry:PT1M}",
            fixedDelayString = "${cdss.patients.rrn-backfill-retry:PT1M}")
    void retry() {
        if (!done) {
            backfillOrDefer();
        }
    }

    private void backfillOrDefer() {
        try {
            backfill();
            done = true;
        } catch (DataAccessException e) {
            log.warn(
                    "rrn hash: backfill deferred, retried in a minute ({})",
                    e.getClass().getSimpleName());
        }
    }

    Result backfill() {
        int hashed = 0;
        int duplicates = 0;
        int unreadable = 0;
        while (true) {
            // oldest first, so that the oldest record keeps a shared number; hashed and marked rows leave the set, the
            // unreadable ones stay at its head (skipped by the offset)
            List<Stored> page = jdbc.sql("SELECT id, rrn_encrypted FROM patient WHERE rrn_encrypted IS NOT NULL AND "
                            + "rrn_hash IS NULL AND rrn_duplicate_of IS NULL ORDER BY created_at, id LIMIT " + PAGE
                            + " OFFSET " + unreadable)
                    .query((rs, n) -> new Stored(rs.getString(1).strip(), rs.getString(2)))
                    .list();
            if (page.isEmpty()) {
                break;
            }
            int[] counts = transactions.execute(status -> hashPage(page));
            if (counts == null) {
                break;
            }
            hashed += counts[0];
            duplicates += counts[1];
            unreadable += counts[2];
        }
        if (hashed + duplicates + unreadable > 0) {
            audit.record(AuditEvent.success("RRN_HASH_BACKFILL", "Patient", null, null)
                    .withDetail("hashed=" + hashed + ",duplicates=" + duplicates + ",unreadable=" + unreadable));
            log.info(
                    "rrn hash: {} stored numbers hashed, {} duplicates of an older record marked for merge, {} unreadable",
                    hashed,
                    duplicates,
                    unreadable);
        }
        return new Result(hashed, duplicates, unreadable);
    }

    private int[] hashPage(List<Stored> page) {
        int[] counts = new int[3];
        for (Stored row : page) {
            String hash;
            try {
                hash = hasher.hash(cipher.decrypt(UUID.fromString(row.id()), row.value()));
            } catch (IllegalStateException e) {
                counts[2]++;
                continue;
            }
            // rows come oldest first: a record that already holds the hash is older (or was registered with it)
            List<String> holders = jdbc.sql("SELECT id FROM patient WHERE rrn_hash = :hash")
                    .param("hash", hash)
                    .query((rs, n) -> rs.getString(1).strip())
                    .list();
            if (holders.isEmpty()) {
                jdbc.sql("UPDATE patient SET rrn_hash = :hash WHERE id = :id")
                        .param("hash", hash)
                        .param("id", row.id())
                        .update();
                counts[0]++;
            } else {
                jdbc.sql("UPDATE patient SET rrn_duplicate_of = :holder WHERE id = :id")
                        .param("holder", holders.get(0))
                        .param("id", row.id())
                        .update();
                counts[1]++;
            }
        }
        return counts;
    }
}
