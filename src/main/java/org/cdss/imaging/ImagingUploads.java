package org.cdss.imaging;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditOutcome;
import org.cdss.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Uploads of DICOM files for a patient: one file per request, a batch of files as a tar (what the browser sends for
 * several files or a folder, ADR 0045), or a zip of a study. The body is read as a stream and
 * each file spooled to a temporary file within its size limit (never whole in the heap), then stored in the archive,
 * which decides whether it is DICOM: each file gets its own outcome (stored, duplicate — the same SOP Instance UID
 * already there, refused with a reason) and a broken file does not stop the others. A zip's entries are refused when
 * their path is unsafe ({@code ../}, absolute), and the zip is abandoned when it expands beyond its limits (total
 * size, ratio to the compressed bytes read, number of entries). The study of a stored file is linked to the patient
 * only when its DICOM PatientID is the patient's MRN; otherwise it waits for a person's decision
 * ({@code patientLink = MISMATCH}, see {@link ImagingStudies#linkPatient}).
 *
 * <p>The files of a batch or zip are stored up to {@code cdss.imaging.upload.parallel-stores} at a time (ADR 0053):
 * Orthanc stores two files at once about 1.5 times as fast as one after the other (bench/README.md), and the next
 * file is read from the request while earlier ones are being stored. Outcomes stay in the upload's order, each
 * reports what Orthanc answered for that file, and at most that many files (plus the one being read) are held.
 */
@Service
class ImagingUploads implements DisposableBean {

    /** The outcome of one file of an upload. */
    record FileResult(
            String file,
            ImageArchive.StoreStatus status,
            @Nullable String reason,
            @Nullable UUID studyId,
            StudyRecords.@Nullable LinkStatus patientLink) {}

    record UploadResult(int stored, int duplicates, int refused, List<FileResult> files) {}

    private final ImageArchive archive;
    private final StudyLinking linking;
    private final ImagingAccess access;
    private final long maxFile;
    private final long maxTotal;
    private final int maxEntries;
    private final int maxRatio;
    private final int parallelStores;
    private final ExecutorService stores = Executors.newVirtualThreadPerTaskExecutor();

    ImagingUploads(
            ImageArchive archive,
            StudyLinking linking,
            ImagingAccess access,
            @Value("${cdss.imaging.upload.max-file:512MB}") DataSize maxFile,
            @Value("${cdss.imaging.upload.max-total:4GB}") DataSize maxTotal,
            @Value("${cdss.imaging.upload.max-entries:20000}") int maxEntries,
            @Value("${cdss.imaging.upload.max-ratio:100}") int maxRatio,
            @Value("${cdss.imaging.upload.parallel-stores:2}") int parallelStores) {
        this.archive = archive;
        this.linking = linking;
        this.access = access;
        this.maxFile = maxFile.toBytes();
        this.maxTotal = maxTotal.toBytes();
        this.maxEntries = maxEntries;
        this.maxRatio = maxRatio;
        this.parallelStores = Math.max(1, parallelStores);
    }

    @Override
    public void destroy() {
        stores.shutdown();
    }

    UploadResult upload(UUID patientId, String fileName, InputStream body, long contentLength) {
        access.requireUploader(patientId);
        if (!archive.configured()) {
            throw new DomainException(ImagingProblem.PACS_UNAVAILABLE);
        }
        String name = baseName(fileName);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean zip = lower.endsWith(".zip");
        boolean tar = lower.endsWith(".tar");
        if (ImagingVolumes.isVolume(lower)) {
            // research volumes are not DICOM: POST /api/imaging/volumes (ImagingVolumes)
            throw new DomainException(ImagingProblem.UPLOAD_UNSUPPORTED);
        }
        if (contentLength > (zip || tar ? maxTotal : maxFile)) {
            throw new DomainException(ImagingProblem.UPLOAD_TOO_LARGE);
        }
        UploadBatch batch = new UploadBatch(archive, linking, stores, parallelStores, patientId);
        UploadResult result;
        try {
            if (zip) {
                unzip(body, batch);
            } else if (tar) {
                untar(body, batch);
            } else {
                Spooled spooled = Spooled.spool(body, maxFile);
                if (spooled == null) {
                    throw new DomainException(ImagingProblem.UPLOAD_TOO_LARGE);
                }
                batch.store(name, spooled);
            }
            result = batch.result();
        } catch (RuntimeException failed) {
            // a failed upload (a broken request body, the PACS down before anything was stored) still waits for the
            // stores it started and removes their spooled files; the studies stored before the failure stay in the
            // archive, linked to the patient, so the trail records the upload, failed, with what it had stored
            batch.abandon();
            access.record(new AuditEvent(
                    "IMAGING_UPLOAD",
                    "Patient",
                    patientId.toString(),
                    patientId,
                    AuditOutcome.FAILURE,
                    "failed after storing " + batch.storedSoFar() + " ("
                            + failed.getClass().getSimpleName() + ")",
                    null));
            throw failed;
        } finally {
            batch.abandon();
        }
        access.record(new AuditEvent(
                "IMAGING_UPLOAD",
                "Patient",
                patientId.toString(),
                patientId,
                AuditOutcome.SUCCESS,
                "stored " + result.stored() + ", duplicates " + result.duplicates() + ", refused " + result.refused(),
                null));
        return result;
    }

    private void unzip(InputStream body, UploadBatch batch) {
        CountingStream compressed = new CountingStream(body);
        long expanded = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(compressed)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String path = entry.getName();
                boolean skipped = entry.isDirectory()
                        || path.startsWith("__MACOSX/")
                        || baseName(path).startsWith(".");
                if (!skipped && ++entries > maxEntries) {
                    batch.refused(path, "zip-too-many-files");
                    break;
                }
                boolean unsafe = !skipped && !safe(path);
                if (skipped || unsafe) {
                    // an entry left unread is still inflated (getNextEntry drains it): its bytes count toward the
                    // total and the ratio as stored ones do, or a zip of skipped entries would inflate without limit
                    long drained = drain(zip, maxTotal - expanded);
                    if (drained < 0) {
                        batch.refused(path, "zip-too-large");
                        break;
                    }
                    expanded += drained;
                    if (expanded > 1_000_000 && expanded > (long) maxRatio * Math.max(1, compressed.count)) {
                        batch.refused(path, "zip-bomb");
                        break;
                    }
                    if (unsafe) {
                        batch.refused(path, "unsafe-path");
                    }
                    continue;
                }
                long budget = Math.min(maxFile, maxTotal - expanded);
                Spooled spooled = Spooled.spool(new NonClosing(zip), budget);
                if (spooled == null) {
                    // the rest of the zip is not read: skipping an oversized entry would inflate it all
                    batch.refused(path, budget < maxFile ? "zip-too-large" : "too-large");
                    break;
                }
                expanded += spooled.size();
                if (expanded > 1_000_000 && expanded > (long) maxRatio * Math.max(1, compressed.count)) {
                    spooled.discard();
                    batch.refused(path, "zip-bomb");
                    break;
                }
                batch.store(path, spooled);
            }
            if (entries == 0 && batch.empty()) {
                batch.refused("upload.zip", "empty-zip");
            }
        } catch (ZipException e) {
            batch.refused("upload.zip", "zip-broken");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the current entry to its end, discarding it: its size, or -1 past {@code budget} (the rest not read). */
    private static long drain(ZipInputStream zip, long budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
            read += n;
            if (read > budget) {
                return -1;
            }
        }
        return read;
    }

    /**
     * A batch: every regular file of the tar gets its outcome, in the tar's order (the browser matches them to its
     * files by position). An entry above the file limit is refused and skipped, the others go on; the batch stops
     * where the tar is broken or cut, or past the total limit or the number of files.
     */
    private void untar(InputStream body, UploadBatch batch) {
        TarStream tar = new TarStream(body);
        long total = 0;
        int entries = 0;
        String current = "upload.tar";
        try {
            TarStream.Entry entry;
            while ((entry = tar.next()) != null) {
                current = entry.name();
                total += entry.size();
                if (++entries > maxEntries) {
                    batch.refused(current, "batch-too-many-files");
                    break;
                }
                if (total > maxTotal) {
                    batch.refused(current, "batch-too-large");
                    break;
                }
                if (entry.size() > maxFile) {
                    batch.refused(current, "too-large");
                    continue;
                }
                batch.store(current, java.util.Objects.requireNonNull(Spooled.spool(tar.data(), maxFile)));
                current = "upload.tar";
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof TarStream.Broken)) {
                throw e;
            }
            batch.refused(current, "batch-broken");
        } catch (TarStream.Broken e) {
            batch.refused(current, "batch-broken");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip entry's path is safe when relative, without {@code ..} segments or backslashes. */
    static boolean safe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    static String baseName(String path) {
        String p = path.replace('\\', '/');
        String base = p.substring(p.lastIndexOf('/') + 1);
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    /** Counts the compressed bytes read (for the expansion ratio). */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** The current zip entry, without closing the zip when a reader closes it. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stays open for its next entry
        }
    }
}
