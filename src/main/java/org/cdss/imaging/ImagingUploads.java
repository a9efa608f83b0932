package org.cdss.imaging;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditOutcome;
import org.cdss.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Uploads of DICOM files (one per request, or a zip of a study) for a patient. The body is read as a stream and
 * each file spooled to a temporary file within its size limit (never whole in the heap), then stored in the archive,
 * which decides whether it is DICOM: each file gets its own outcome (stored, duplicate — the same SOP Instance UID
 * already there, refused with a reason) and a broken file does not stop the others. A zip's entries are refused when
 * their path is unsafe ({@code ../}, absolute), and the zip is abandoned when it expands beyond its limits (total
 * size, ratio to the compressed bytes read, number of entries). The study of a stored file is linked to the patient
 * only when its DICOM PatientID is the patient's MRN; otherwise it waits for a person's decision
 * ({@code patientLink = MISMATCH}, see {@link ImagingStudies#linkPatient}).
 */
@Service
class ImagingUploads {

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

    ImagingUploads(
            ImageArchive archive,
            StudyLinking linking,
            ImagingAccess access,
            @Value("${cdss.imaging.upload.max-file:512MB}") DataSize maxFile,
            @Value("${cdss.imaging.upload.max-total:4GB}") DataSize maxTotal,
            @Value("${cdss.imaging.upload.max-entries:20000}") int maxEntries,
            @Value("${cdss.imaging.upload.max-ratio:100}") int maxRatio) {
        this.archive = archive;
        this.linking = linking;
        this.access = access;
        this.maxFile = maxFile.toBytes();
        this.maxTotal = maxTotal.toBytes();
        this.maxEntries = maxEntries;
        this.maxRatio = maxRatio;
    }

    UploadResult upload(UUID patientId, String fileName, InputStream body, long contentLength) {
        access.requireUploader(patientId);
        if (!archive.configured()) {
            throw new DomainException(ImagingProblem.PACS_UNAVAILABLE);
        }
        String name = baseName(fileName);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean zip = lower.endsWith(".zip");
        if (ImagingVolumes.isVolume(lower)) {
            // research volumes are not DICOM: POST /api/imaging/volumes (ImagingVolumes)
            throw new DomainException(ImagingProblem.UPLOAD_UNSUPPORTED);
        }
        if (contentLength > (zip ? maxTotal : maxFile)) {
            throw new DomainException(ImagingProblem.UPLOAD_TOO_LARGE);
        }
        Batch batch = new Batch(patientId);
        if (zip) {
            unzip(body, batch);
        } else {
            Spooled spooled = spool(body, maxFile);
            if (spooled == null) {
                throw new DomainException(ImagingProblem.UPLOAD_TOO_LARGE);
            }
            batch.store(name, spooled);
        }
        UploadResult result = batch.result();
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

    private void unzip(InputStream body, Batch batch) {
        CountingStream compressed = new CountingStream(body);
        long expanded = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(compressed)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String path = entry.getName();
                if (entry.isDirectory()
                        || path.startsWith("__MACOSX/")
                        || baseName(path).startsWith(".")) {
                    continue;
                }
                if (++entries > maxEntries) {
                    batch.refused(path, "zip-too-many-files");
                    break;
                }
                if (!safe(path)) {
                    batch.refused(path, "unsafe-path");
                    continue;
                }
                long budget = Math.min(maxFile, maxTotal - expanded);
                Spooled spooled = spool(new NonClosing(zip), budget);
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
            if (entries == 0 && batch.files.isEmpty()) {
                batch.refused("upload.zip", "empty-zip");
            }
        } catch (ZipException e) {
            batch.refused("upload.zip", "zip-broken");
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

    private static String baseName(String path) {
        String p = path.replace('\\', '/');
        String base = p.substring(p.lastIndexOf('/') + 1);
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    /** Files up to this size are held in memory on their way to the archive; larger ones go to a temporary file. */
    static final int IN_MEMORY = 4 * 1024 * 1024;

    /** One file on its way to the archive: in memory when small, else in a temporary file. */
    record Spooled(byte @Nullable [] bytes, @Nullable Path file, long size) {
        ImageArchive.StoreOutcome storeIn(ImageArchive archive) {
            return bytes != null ? archive.store(bytes) : archive.store(java.util.Objects.requireNonNull(file));
        }

        void discard() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temp folder
                }
            }
        }
    }

    /** The stream read within {@code limit}: in memory up to {@link #IN_MEMORY}, then spooled; null above the limit. */
    private static @Nullable Spooled spool(InputStream in, long limit) {
        try {
            java.io.ByteArrayOutputStream memory = new java.io.ByteArrayOutputStream(256 * 1024);
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > limit) {
                    return null;
                }
                memory.write(buf, 0, n);
                if (memory.size() > IN_MEMORY) {
                    return toFile(memory, in, total, limit);
                }
            }
            return new Spooled(memory.toByteArray(), null, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable Spooled toFile(java.io.ByteArrayOutputStream head, InputStream in, long read, long limit)
            throws IOException {
        Path file = Files.createTempFile("cdss-imaging-", ".part");
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            head.writeTo(out);
            byte[] buf = new byte[64 * 1024];
            long total = read;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > limit) {
                    return null;
                }
                out.write(buf, 0, n);
            }
            ok = true;
            return new Spooled(null, file, total);
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The files of one upload and their outcomes; studies are registered once per upload. */
    private final class Batch {
        final UUID patientId;
        final List<FileResult> files = new ArrayList<>();
        final Map<String, StudyRecords.StudyRow> studies = new HashMap<>();
        boolean archiveDown;

        Batch(UUID patientId) {
            this.patientId = patientId;
        }

        void refused(String file, String reason) {
            files.add(new FileResult(baseName(file), ImageArchive.StoreStatus.REFUSED, reason, null, null));
        }

        void store(String file, Spooled spooled) {
            try {
                if (archiveDown) {
                    refused(file, "pacs-unavailable");
                    return;
                }
                ImageArchive.StoreOutcome outcome;
                try {
                    outcome = spooled.storeIn(archive);
                } catch (ImageArchive.ArchiveUnavailable e) {
                    if (files.isEmpty()) {
                        // nothing was stored yet: the whole upload is refused and can be sent again as it is
                        throw new DomainException(ImagingProblem.PACS_UNAVAILABLE);
                    }
                    archiveDown = true;
                    refused(file, "pacs-unavailable");
                    return;
                }
                if (outcome.study() == null) {
                    refused(file, outcome.reason() == null ? "not-dicom" : outcome.reason());
                    return;
                }
                ImageArchive.StudyInfo info = outcome.study();
                StudyRecords.StudyRow row =
                        studies.computeIfAbsent(info.studyInstanceUid(), uid -> linking.seen(info, patientId));
                StudyRecords.LinkStatus link =
                        row.patientId() != null && row.patientId().equals(patientId)
                                ? StudyRecords.LinkStatus.LINKED
                                : StudyRecords.LinkStatus.MISMATCH;
                files.add(new FileResult(
                        baseName(file),
                        outcome.status(),
                        link == StudyRecords.LinkStatus.MISMATCH ? "patient-mismatch" : null,
                        row.id(),
                        link));
            } finally {
                spooled.discard();
            }
        }

        UploadResult result() {
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
