package org.cdss.imaging;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.cdss.audit.AuditEvent;
import org.cdss.audit.AuditOutcome;
import org.cdss.shared.DomainException;
import org.cdss.shared.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Research volumes: NIfTI files ({@code .nii}, {@code .nii.gz}) uploaded for a patient (ADR 0036). They are not DICOM,
 * so they do not go to Orthanc: the body is streamed to a temporary file under the volumes folder (within the size
 * limit, hashing as it goes — never whole in the heap), its header is read and checked ({@link NiftiHeader}, and the
 * data must be long enough for every voxel), and only then is the file moved into place, named by its SHA-256, and
 * its row written — a refused or failed upload leaves nothing behind. The same bytes again for the same patient are a
 * duplicate (one file, one row). Each outcome is per file: a bad header is a refusal with its reason, not an error.
 */
@Service
class ImagingVolumes {

    /** The outcome of one volume upload: the volume (stored or already there), or the reason it was refused. */
    record VolumeUpload(
            String file,
            ImageArchive.StoreStatus status,
            @Nullable String reason,
            @Nullable VolumeView volume) {}

    private final VolumeRecords records;
    private final ImagingAccess access;
    private final Path root;
    private final long maxFile;
    /** The most a compressed volume may expand to (masks compress far beyond a zip's usual ratio). */
    private final long maxExpanded;

    private final Clock clock;

    ImagingVolumes(
            VolumeRecords records,
            ImagingAccess access,
            @Value("${cdss.imaging.volumes.dir:${cdss.home:./data}/imaging/volumes}") Path root,
            @Value("${cdss.imaging.upload.max-file:512MB}") DataSize maxFile,
            @Value("${cdss.imaging.upload.max-total:4GB}") DataSize maxExpanded,
            Clock clock) {
        this.records = records;
        this.access = access;
        this.root = root.toAbsolutePath().normalize();
        this.maxFile = maxFile.toBytes();
        this.maxExpanded = maxExpanded.toBytes();
        this.clock = clock;
    }

    /** The folder of the volumes (each patient's under their id; uploads on their way in {@code .incoming}). */
    Path root() {
        return root;
    }

    static boolean isVolume(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".nii") || lower.endsWith(".nii.gz");
    }

    VolumeUpload upload(UUID patientId, String fileName, InputStream body, long contentLength) {
        access.requireUploader(patientId);
        if (!isVolume(fileName)) {
            throw new DomainException(ImagingProblem.UPLOAD_UNSUPPORTED);
        }
        if (contentLength > maxFile) {
            // refused by the declared length: the body is not read
            throw new DomainException(ImagingProblem.UPLOAD_TOO_LARGE);
        }
        boolean gz = fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
        String name = fileName.length() > 200 ? fileName.substring(fileName.length() - 200) : fileName;
        Path incoming = null;
        try {
            Files.createDirectories(root.resolve(".incoming"));
            incoming = Files.createTempFile(root.resolve(".incoming"), "volume-", ".part");
            String sha256 = spool(body, incoming);
            long size = Files.size(incoming);
            NiftiHeader header;
            try {
                header = check(incoming, gz, size);
            } catch (NiftiHeader.Invalid invalid) {
                return refused(patientId, name, invalid.reason);
            }
            var existing = records.byContent(patientId, sha256);
            if (existing.isPresent()) {
                return outcome(
                        patientId,
                        name,
                        ImageArchive.StoreStatus.DUPLICATE,
                        existing.get().view());
            }
            String relative = patientId + "/" + sha256 + (gz ? ".nii.gz" : ".nii");
            Path target = root.resolve(relative);
            Files.createDirectories(target.getParent());
            boolean placed = !Files.exists(target);
            if (placed) {
                Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
            }
            var row = new VolumeRecords.VolumeRow(
                    UUID.randomUUID(),
                    patientId,
                    name,
                    relative,
                    sha256,
                    size,
                    gz,
                    header.version(),
                    header.dimensionsText(),
                    header.voxelSizeText(),
                    header.datatype(),
                    header.description().isBlank() ? null : header.description(),
                    CurrentUser.require().userId(),
                    clock.instant());
            try {
                records.insert(row);
            } catch (DuplicateKeyException raced) {
                // the same file for the same patient at the same moment: the other upload's row (and file) stands
                return outcome(
                        patientId,
                        name,
                        ImageArchive.StoreStatus.DUPLICATE,
                        records.byContent(patientId, sha256).orElseThrow().view());
            } catch (RuntimeException e) {
                if (placed) {
                    Files.deleteIfExists(target);
                }
                throw e;
            }
            return outcome(patientId, name, ImageArchive.StoreStatus.STORED, row.view());
        } catch (TooLarge e) {
            throw new DomainException(ImagingProblem.UPLOAD_TOO_LARGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (incoming != null) {
                try {
                    Files.deleteIfExists(incoming);
                } catch (IOException ignored) {
                    // removed with the next clean-up of the incoming folder
                }
            }
        }
    }

    /** A patient's volumes, newest first; audited. */
    List<VolumeView> ofPatient(UUID patientId) {
        access.requireViewer(patientId, "IMAGING_VOLUMES_READ", "Patient", patientId);
        return records.ofPatient(patientId).stream()
                .map(VolumeRecords.VolumeRow::view)
                .toList();
    }

    /** A volume's file, after the access check (audited); the caller streams it. */
    Path file(UUID volumeId) {
        VolumeRecords.VolumeRow row =
                records.byId(volumeId).orElseThrow(() -> new DomainException(ImagingProblem.STUDY_NOT_FOUND));
        access.requireViewer(row.patientId(), "IMAGING_VOLUME_DOWNLOAD", "ImagingVolume", volumeId);
        Path file = root.resolve(row.storagePath()).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new DomainException(ImagingProblem.STUDY_NOT_FOUND);
        }
        return file;
    }

    VolumeView view(UUID volumeId) {
        return records.byId(volumeId).orElseThrow().view();
    }

    private String spool(InputStream body, Path to) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(body, sha);
                OutputStream out = Files.newOutputStream(to)) {
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > maxFile) {
                    throw new TooLarge();
                }
                out.write(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Reads the header and counts the (decompressed) bytes: a truncated volume or a gzip bomb is refused. */
    private NiftiHeader check(Path file, boolean gz, long size) throws IOException, NiftiHeader.Invalid {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                InputStream in = gz ? gunzip(raw) : raw) {
            byte[] head = in.readNBytes(NiftiHeader.MAX_HEADER);
            NiftiHeader header = NiftiHeader.parse(head, head.length);
            if (gz && header.requiredBytes() > maxExpanded) {
                // not decompressed further: a gzip bomb, or a volume above the limit
                throw new NiftiHeader.Invalid("nifti-too-large");
            }
            if (!gz && header.requiredBytes() > size) {
                throw new NiftiHeader.Invalid("nifti-truncated");
            }
            long have = head.length;
            long need = header.requiredBytes();
            byte[] buf = new byte[64 * 1024];
            int n;
            while (have < need && (n = in.read(buf)) >= 0) {
                have += n;
            }
            if (have < need) {
                throw new NiftiHeader.Invalid("nifti-truncated");
            }
            return header;
        } catch (ZipException | java.io.EOFException e) {
            throw new NiftiHeader.Invalid(gz ? "nifti-not-gzip" : "nifti-bad-header");
        }
    }

    private static InputStream gunzip(InputStream raw) throws NiftiHeader.Invalid, IOException {
        try {
            return new GZIPInputStream(raw, 64 * 1024);
        } catch (ZipException | java.io.EOFException e) {
            throw new NiftiHeader.Invalid("nifti-not-gzip");
        }
    }

    private VolumeUpload refused(UUID patientId, String name, String reason) {
        access.record(new AuditEvent(
                "IMAGING_VOLUME_UPLOAD",
                "Patient",
                patientId.toString(),
                patientId,
                AuditOutcome.FAILURE,
                reason,
                null));
        return new VolumeUpload(name, ImageArchive.StoreStatus.REFUSED, reason, null);
    }

    private VolumeUpload outcome(UUID patientId, String name, ImageArchive.StoreStatus status, VolumeView volume) {
        access.record(new AuditEvent(
                "IMAGING_VOLUME_UPLOAD",
                "ImagingVolume",
                volume.id().toString(),
                patientId,
                AuditOutcome.SUCCESS,
                status.name().toLowerCase(Locale.ROOT),
                null));
        return new VolumeUpload(name, status, null, volume);
    }

    /** The body went over the size limit while it was read. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }
}
