package org.cdss.imaging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.cdss.imaging.ImagingUploads.FileResult;
import org.cdss.imaging.ImagingUploads.UploadResult;
import org.cdss.shared.DomainException;

/**
 * The files of one upload and their outcomes; studies are registered once per upload. Stores run on their own
 * threads, at most {@code parallelStores} at once; their outcomes are taken in the upload's order on the
 * request's thread (the study's registration and the outcome list stay there).
 */
final class UploadBatch {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UploadBatch.class);

    private final ImageArchive archive;
    private final StudyLinking linking;
    private final ExecutorService stores;
    private final int parallelStores;
    private final UUID patientId;
    private final List<FileResult> files = new ArrayList<>();
    private final Map<String, StudyRecords.StudyRow> studies = new HashMap<>();
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private boolean archiveDown;

    UploadBatch(
            ImageArchive archive, StudyLinking linking, ExecutorService stores, int parallelStores, UUID patientId) {
        this.archive = archive;
        this.linking = linking;
        this.stores = stores;
        this.parallelStores = parallelStores;
        this.patientId = patientId;
    }

    /** Whether no file has been stored, started or refused yet. */
    boolean empty() {
        return files.isEmpty() && inFlight.isEmpty();
    }

    void refused(String file, String reason) {
        // after the outcomes of the files before it, whose stores may still run
        drain();
        addRefused(file, reason);
    }

    private void addRefused(String file, String reason) {
        files.add(new FileResult(ImagingUploads.baseName(file), ImageArchive.StoreStatus.REFUSED, reason, null, null));
    }

    void store(String file, Spooled spooled) {
        if (archiveDown) {
            spooled.discard();
            refused(file, "pacs-unavailable");
            return;
        }
        inFlight.add(new InFlight(file, spooled, stores.submit(() -> spooled.storeIn(archive))));
        while (inFlight.size() >= parallelStores) {
            complete(inFlight.removeFirst());
        }
    }

    private void drain() {
        while (!inFlight.isEmpty()) {
            complete(inFlight.removeFirst());
        }
    }

    private void complete(InFlight next) {
        try {
            ImageArchive.StoreOutcome outcome;
            try {
                outcome = await(next.outcome());
            } catch (ImageArchive.ArchiveUnavailable e) {
                if (files.isEmpty() && nothingElseStored()) {
                    // nothing was stored: the whole upload is refused and can be sent again as it is
                    throw new DomainException(ImagingProblem.PACS_UNAVAILABLE);
                }
                archiveDown = true;
                addRefused(next.file(), "pacs-unavailable");
                return;
            }
            if (outcome.study() == null) {
                addRefused(next.file(), outcome.reason() == null ? "not-dicom" : outcome.reason());
                return;
            }
            ImageArchive.StudyInfo info = outcome.study();
            if (info.studyInstanceUid().isBlank() || info.studyInstanceUid().length() > StudyLinking.MAX_UID) {
                // DICOM allows 64 characters (PS3.5 §9.1); such a study cannot be recorded (the change feed skips it
                // too): this file is refused, the others of the upload go on
                log.warn(
                        "Imaging: uploaded file {} refused: study {} has no valid Study Instance UID ({} characters)",
                        ImagingUploads.baseName(next.file()),
                        info.archiveId(),
                        info.studyInstanceUid().length());
                addRefused(next.file(), "study-uid-invalid");
                return;
            }
            StudyRecords.StudyRow row =
                    studies.computeIfAbsent(info.studyInstanceUid(), uid -> linking.seen(info, patientId));
            StudyRecords.LinkStatus link =
                    row.patientId() != null && row.patientId().equals(patientId)
                            ? StudyRecords.LinkStatus.LINKED
                            : StudyRecords.LinkStatus.MISMATCH;
            files.add(new FileResult(
                    ImagingUploads.baseName(next.file()),
                    outcome.status(),
                    link == StudyRecords.LinkStatus.MISMATCH ? "patient-mismatch" : null,
                    row.id(),
                    link));
        } finally {
            next.spooled().discard();
        }
    }

    /** Whether none of the stores still running stored its file (each is waited for; their outcomes are kept). */
    private boolean nothingElseStored() {
        for (InFlight other : inFlight) {
            try {
                if (await(other.outcome()).status() != ImageArchive.StoreStatus.REFUSED) {
                    return false;
                }
            } catch (RuntimeException e) {
                // this one failed too; its outcome is reported when its turn comes
            }
        }
        return true;
    }

    /** Waits for the stores still running and removes their spooled files, without reporting them. */
    void abandon() {
        for (InFlight left : inFlight) {
            try {
                await(left.outcome());
            } catch (RuntimeException ignored) {
                // the upload has already failed; this file's outcome is not reported
            } finally {
                left.spooled().discard();
            }
        }
        inFlight.clear();
    }

    /** The files stored so far (stores still running not counted), for the trail of an upload that failed. */
    int storedSoFar() {
        return (int) files.stream()
                .filter(f -> f.status() == ImageArchive.StoreStatus.STORED)
                .count();
    }

    UploadResult result() {
        drain();
        int stored = 0;
        int duplicates = 0;
        int refused = 0;
        for (FileResult f : files) {
            switch (f.status()) {
                case STORED -> stored++;
                case DUPLICATE -> duplicates++;
                case REFUSED -> refused++;
            }
        }
        return new UploadResult(stored, duplicates, refused, List.copyOf(files));
    }

    /** A file whose store was started, with its spooled copy (removed once its outcome is taken). */
    private record InFlight(String file, Spooled spooled, Future<ImageArchive.StoreOutcome> outcome) {}

    private static ImageArchive.StoreOutcome await(Future<ImageArchive.StoreOutcome> outcome) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing an upload", e);
        }
    }
}
