package org.cdss.imaging;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A research volume (NIfTI) of a patient as the UI lists it: what its validated header says, its size and the
 * SHA-256 of the file as stored (the download carries the same), who uploaded it and when.
 */
public record VolumeView(
        UUID id,
        UUID patientId,
        String fileName,
        long sizeBytes,
        String sha256,
        int niftiVersion,
        String dimensions,
        String voxelSize,
        String datatype,
        @Nullable String description,
        Instant uploadedAt) {}
