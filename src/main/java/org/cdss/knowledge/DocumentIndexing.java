package org.cdss.knowledge;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps this instance's {@link DocumentIndex} equal to the database (ADR 0024). It starts empty and the first poll
 * fills it with every document (the rebuild at start); then a document stored on this instance is indexed as soon as
 * its transaction commits ({@link DocumentPublished}), and one stored on another instance within {@code
 * cdss.knowledge.index.poll-interval} (default 5 s) by polling {@code knowledge_document.updated_at}. The poll reads
 * back an overlap ({@code poll-overlap}, default 2 min) behind the newest change it saw, so a transaction that
 * committed late with an earlier timestamp is not missed; what is already indexed at its version is skipped.
 */
@Component
class DocumentIndexing {

    private static final Logger log = LoggerFactory.getLogger(DocumentIndexing.class);
    private static final int BATCH = 200;

    private final DocumentStore store;
    private final DocumentIndex index;
    private final Duration overlap;
    private final Map<UUID, Integer> indexed = new ConcurrentHashMap<>();
    private volatile Instant cursor = Instant.EPOCH;
    private volatile boolean rebuilt;

    DocumentIndexing(
            DocumentStore store,
            @Value("${cdss.knowledge.index.dir:${cdss.home:./data}/index/knowledge}") Path dir,
            @Value("${cdss.knowledge.index.poll-overlap:2m}") Duration overlap) {
        this.store = store;
        this.overlap = overlap;
        this.index = new DocumentIndex(dir);
    }

    DocumentIndex index() {
        return index;
    }

    /** True once the index holds every document that was in the database at start. */
    boolean rebuilt() {
        return rebuilt;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DocumentPublished published) {
        Integer have = indexed.get(published.documentId());
        if (have == null || have < published.version()) {
            take(List.of(published.documentId()));
        }
    }

    @Scheduled(
            initialDelayString = "${cdss.knowledge.index.initial-delay:0s}",
            fixedDelayString = "${cdss.knowledge.index.poll-interval:5s}")
    void poll() {
        try {
            Instant since = cursor.equals(Instant.EPOCH) ? Instant.EPOCH : cursor.minus(overlap);
            List<DocumentStore.Change> changes = store.changedSince(since);
            List<UUID> stale = changes.stream()
                    .filter(c -> {
                        Integer have = indexed.get(c.id());
                        return have == null || have < c.version();
                    })
                    .map(DocumentStore.Change::id)
                    .toList();
            for (int i = 0; i < stale.size(); i += BATCH) {
                take(stale.subList(i, Math.min(stale.size(), i + BATCH)));
            }
            changes.stream()
                    .map(DocumentStore.Change::updatedAt)
                    .max(Instant::compareTo)
                    .ifPresent(newest -> cursor = newest.isAfter(cursor) ? newest : cursor);
            if (!rebuilt) {
                rebuilt = true;
                log.info("Document index rebuilt from the database: {} documents in {}", index.size(), index.path());
            }
        } catch (RuntimeException e) {
            // database down or a broken row: the next poll tries again (the index is a cache)
            log.warn("Document index poll failed: {}", e.getClass().getSimpleName());
        }
    }

    private synchronized void take(List<UUID> ids) {
        List<DocumentIndex.Entry> entries = store.entries(ids);
        index.put(entries);
        entries.forEach(e -> indexed.merge(e.id(), e.version(), Math::max));
    }

    @PreDestroy
    void close() {
        index.close();
    }
}
