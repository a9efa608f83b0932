package org.cdss.imaging;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The PACS port (ARCHITECTURE §5): store instances, query studies and series (QIDO-RS), fetch rendered previews and
 * originals (WADO-RS), follow new arrivals (a change feed) and delete. {@link OrthancArchive} is the adapter; the
 * archive does all DICOM parsing — CDSS has no DICOM parser of its own. Every method throws
 * {@link ArchiveUnavailable} when the archive cannot be reached.
 */
interface ImageArchive {

    /** Whether an archive is configured at all (an Orthanc binary or {@code CDSS_PACS_URL}). */
    boolean configured();

    /** Which archive this is (its base URL), keying the change-feed cursor; at most 200 characters. */
    String identity();

    /** Stores one file (read from disk); the archive decides whether it is DICOM. */
    StoreOutcome store(Path file);

    /** Stores one small file held in memory (at most a few MB: a zip entry, one slice). */
    StoreOutcome store(byte[] dicom);

    /** A study by the archive's own id, with its main tags; empty when gone. */
    Optional<StudyInfo> study(String archiveStudyId);

    /** The archive's id of a study by its Study Instance UID. */
    Optional<String> findStudy(String studyInstanceUid);

    /** The series of a study (QIDO-RS), with their instance counts. */
    List<SeriesInfo> series(String studyInstanceUid);

    /** The SOP Instance UIDs of a series in instance-number order (QIDO-RS). */
    List<String> instances(String studyInstanceUid, String seriesInstanceUid);

    /**
     * One instance of a series by its SOP Instance UID (QIDO-RS), with its Instance Number; empty when the series of
     * that study has no such instance.
     */
    Optional<InstanceInfo> instance(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid);

    /**
     * Writes a rendered image of one instance (WADO-RS rendered) to {@code out}, streamed: {@code image/png} for the
     * screen, {@code image/jpeg} for documents.
     */
    void rendered(
            String studyInstanceUid,
            String seriesInstanceUid,
            String sopInstanceUid,
            String mediaType,
            OutputStream out);

    /**
     * A WADO-RS resource of one study for the 2D viewer — {@code path} below {@code studies/{studyInstanceUid}/}, such
     * as {@code series/{uid}/metadata} or {@code series/{uid}/instances/{uid}/frames/1} — answered with the archive's
     * content type and its body as a stream (never buffered whole); the caller closes it. {@link NotInArchive}-like
     * absence is an empty result.
     */
    Optional<Streamed> wadoRs(String studyInstanceUid, String path, String accept);

    /** A streamed archive response: its content type and body (the caller closes it). */
    record Streamed(String contentType, InputStream body) {}

    /** The original files of a study as a zip, streamed; the caller closes the stream. */
    InputStream archive(String archiveStudyId);

    /** The changes after {@code since}, at most {@code limit}. */
    Changes changes(long since, int limit);

    /** Deletes a study from the archive (used only for a study nobody linked, by an administrator). */
    void delete(String archiveStudyId);

    enum StoreStatus {
        STORED,
        DUPLICATE,
        REFUSED
    }

    /** The outcome of storing one file; {@code study} is null when refused. */
    record StoreOutcome(
            StoreStatus status,
            @Nullable StudyInfo study,
            @Nullable String reason) {}

    /** The main tags of a study, as the archive read them. */
    record StudyInfo(
            String archiveId,
            String studyInstanceUid,
            String dicomPatientId,
            String accessionNumber,
            String description,
            @Nullable LocalDate studyDate,
            String modalities) {

        @Override
        public String toString() {
            return "StudyInfo[" + archiveId + "]";
        }
    }

    record SeriesInfo(
            String seriesInstanceUid,
            String modality,
            String description,
            @Nullable Integer number,
            int instanceCount) {}

    /** One instance: its SOP Instance UID and Instance Number (0020,0013; null when it has none). */
    record InstanceInfo(String sopInstanceUid, @Nullable Integer number) {}

    record Change(long seq, String type, String resourceId) {}

    record Changes(List<Change> changes, long last, boolean done) {}

    /** The archive cannot be reached (stopped, not installed, timed out, circuit open). */
    final class ArchiveUnavailable extends RuntimeException {
        ArchiveUnavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
