package org.cdss.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.cdss.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What the RIS needs of the archive for key images (ADR 0041): the instance a radiologist marks, named by its SOP
 * Instance UID and checked to be in a study of the report's order, and its rendered JPEG for the report's PDF. The
 * callers decide who may act (the radiologist writing the draft, a reader of the signed report) and audit it; no
 * access rule of its own here.
 */
@Service
public class KeyImageSource {

    /** Larger rendered images are not put in a document (a rendered slice is tens of kB). */
    static final int MAX_JPEG_BYTES = 8 * 1024 * 1024;

    private final StudyRecords records;
    private final ImageArchive archive;

    KeyImageSource(StudyRecords records, ImageArchive archive) {
        this.records = records;
        this.archive = archive;
    }

    /** An instance as the archive has it: its Instance Number and its series' description, for captions. */
    public record Instance(
            String seriesInstanceUid,
            String sopInstanceUid,
            @Nullable Integer instanceNumber,
            @Nullable String seriesDescription) {}

    /**
     * The instance of a study linked to this order: {@code imaging.study-not-found} (404) when the study is not the
     * order's or its series has no such instance, {@code imaging.pacs-unavailable} (503) when the archive is down.
     */
    public Instance ofOrder(UUID orderId, UUID studyId, String seriesUid, String sopUid) {
        ViewerProxy.requireUid(seriesUid);
        ViewerProxy.requireUid(sopUid);
        StudyRecords.StudyRow row = records.byId(studyId)
                .filter(s -> orderId.equals(s.orderId()))
                .orElseThrow(() -> new DomainException(ImagingProblem.STUDY_NOT_FOUND));
        try {
            ImageArchive.InstanceInfo info = archive.instance(row.studyInstanceUid(), seriesUid, sopUid)
                    .orElseThrow(() -> new DomainException(ImagingProblem.STUDY_NOT_FOUND));
            String description = archive.series(row.studyInstanceUid()).stream()
                    .filter(s -> s.seriesInstanceUid().equals(seriesUid))
                    .map(ImageArchive.SeriesInfo::description)
                    .filter(d -> d != null && !d.isBlank())
                    .findFirst()
                    .orElse(null);
            return new Instance(seriesUid, sopUid, info.number(), description);
        } catch (ImageArchive.ArchiveUnavailable e) {
            throw new DomainException(ImagingProblem.PACS_UNAVAILABLE);
        }
    }

    /**
     * The rendered JPEG of a key image for a document. {@code sopUid} null: a key image marked before V43 by its
     * position {@code legacyIndex} in the series, resolved now (the documented fallback). {@link Unavailable} when
     * the archive is down or no longer has the image.
     */
    public byte[] jpeg(UUID studyId, String seriesUid, @Nullable String sopUid, @Nullable Integer legacyIndex) {
        StudyRecords.StudyRow row = records.byId(studyId).orElseThrow(() -> new Unavailable("study gone", null));
        try {
            String sop = sopUid;
            if (sop == null) {
                List<String> uids = archive.instances(row.studyInstanceUid(), seriesUid);
                int index = Objects.requireNonNullElse(legacyIndex, -1);
                if (index < 0 || index >= uids.size()) {
                    throw new Unavailable("no instance at " + index, null);
                }
                sop = uids.get(index);
            }
            Bounded out = new Bounded();
            archive.rendered(row.studyInstanceUid(), seriesUid, sop, "image/jpeg", out);
            return out.toByteArray();
        } catch (ImageArchive.ArchiveUnavailable | OrthancArchive.NotInArchive | java.io.UncheckedIOException e) {
            throw new Unavailable("archive", e);
        }
    }

    /** A key image's picture cannot be had now (archive down, image gone, too large). */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** Collects at most {@link #MAX_JPEG_BYTES}. */
    private static final class Bounded extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (bytes.size() + len > MAX_JPEG_BYTES) {
                throw new Unavailable("rendered image too large", null);
            }
            bytes.write(b, off, len);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }

        @Override
        public void close() throws IOException {
            bytes.close();
        }
    }
}
