package org.cdss.imaging;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows Orthanc's change feed ({@code /changes?since=N}) so that studies sent by modalities (DICOM C-STORE) are
 * registered and linked like uploads. The cursor (the last Seq processed) is stored in {@code imaging_change_cursor}, one
 * row per archive (its base URL), in the same transaction as what was done with the changes, and that row is locked while a batch is processed, so
 * two CDSS instances never process the same change and a restart neither misses nor repeats one. Linking is
 * idempotent anyway. A change that fails is logged and skipped (the cursor goes past it). When Orthanc's sequence is below the cursor (its database was recreated) the feed starts over.
 */
@Component
class ChangeFeed {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final Set<String> STUDY_CHANGES = Set.of("NewStudy", "StableStudy");

    private final ImageArchive archive;
    private final StudyRecords records;
    private final StudyLinking linking;
    private final TransactionTemplate tx;
    private final int batch;

    ChangeFeed(
            ImageArchive archive,
            StudyRecords records,
            StudyLinking linking,
            TransactionTemplate tx,
            @Value("${cdss.imaging.changes.batch:200}") int batch) {
        this.archive = archive;
        this.records = records;
        this.linking = linking;
        this.tx = tx;
        this.batch = batch;
    }

    @Scheduled(
            fixedDelayString = "${cdss.imaging.changes.poll:2s}",
            initialDelayString = "${cdss.imaging.changes.poll:2s}")
    void poll() {
        if (!archive.configured()) {
            return;
        }
        try {
            String id = archive.identity();
            records.ensureCursor(id);
            boolean more = true;
            while (more) {
                more = step(id);
            }
        } catch (ImageArchive.ArchiveUnavailable e) {
            log.debug("Imaging: change feed paused, archive unavailable");
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            log.warn("Imaging: change feed paused, database unavailable ({}); retried at the next poll", e.toString());
        }
    }

    /**
     * One batch; true when Orthanc has more (or another instance moved the cursor meanwhile). The changes are fetched
     * before the cursor's row is locked, so the lock is not held across that call; the batch is processed only when
     * the cursor is still where it was read.
     */
    boolean step(String id) {
        long seen = records.cursor(id).orElse(0L);
        ImageArchive.Changes changes = archive.changes(seen, batch);
        return Boolean.TRUE.equals(tx.execute(status -> {
            long cursor = records.lockCursor(id);
            if (cursor != seen) {
                return true;
            }
            if (changes.last() < cursor && changes.changes().isEmpty()) {
                log.warn(
                        "Imaging: Orthanc's change sequence ({}) is below ours ({}): starting over",
                        changes.last(),
                        cursor);
                records.saveCursor(id, 0);
                return true;
            }
            long last = cursor;
            for (ImageArchive.Change c : changes.changes()) {
                if (STUDY_CHANGES.contains(c.type())) {
                    handle(c);
                }
                last = Math.max(last, c.seq());
            }
            if (changes.changes().isEmpty()) {
                last = Math.max(last, changes.last());
            }
            if (last != cursor) {
                records.saveCursor(id, last);
            }
            return !changes.done() && !changes.changes().isEmpty();
        }));
    }

    /**
     * One study change. A change that cannot be handled (a malformed study, a value the database refuses) is logged
     * and skipped, so that the feed goes on; an unavailable archive or database stops the batch (it is retried whole,
     * the cursor unmoved). The
     * study's row is written in its own transaction ({@link StudyLinking#seen}), so a failure here leaves the
     * cursor's transaction usable.
     */
    private void handle(ImageArchive.Change c) {
        try {
            archive.study(c.resourceId()).ifPresent(info -> {
                if (info.studyInstanceUid().length() > StudyLinking.MAX_UID) {
                    log.warn(
                            "Imaging: change {} skipped: study {} has a Study Instance UID longer than {} characters",
                            c.seq(),
                            c.resourceId(),
                            StudyLinking.MAX_UID);
                    return;
                }
                linking.seen(info, null);
            });
        } catch (ImageArchive.ArchiveUnavailable
                | TransientDataAccessException
                | RecoverableDataAccessException
                | DataAccessResourceFailureException
                | CannotCreateTransactionException e) {
            // the database is briefly unable (no pooled connection, a deadlock, a restart): skipping would lose the
            // study for good (a later change of it is not guaranteed), so the batch stops and is retried whole
            throw e;
        } catch (RuntimeException e) {
            log.warn("Imaging: change {} (study {}) skipped: {}", c.seq(), c.resourceId(), e.toString());
        }
    }
}
