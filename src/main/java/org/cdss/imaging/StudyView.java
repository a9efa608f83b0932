package org.cdss.imaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A study as the API shows it (the contract the RIS relies on: {@code GET /api/imaging/studies?orderId=}). Preview
 * URLs are CDSS URLs; the browser never talks to Orthanc. {@code patientLink} is LINKED, or MISMATCH/UNMATCHED for a
 * study that waits for a person's decision.
 */
public record StudyView(
        UUID id,
        String studyInstanceUid,
        @Nullable String accessionNumber,
        String modality,
        @Nullable String description,
        @Nullable LocalDate studyDate,
        int seriesCount,
        int instanceCount,
        @Nullable UUID patientId,
        @Nullable UUID orderId,
        String patientLink,
        List<SeriesView> series) {

    public record SeriesView(
            String seriesInstanceUid,
            @Nullable String description,
            String modality,
            @Nullable Integer number,
            int instanceCount,
            @Nullable String previewUrl,
            @Nullable List<InstanceView> instances) {}

    /** One instance of a series, in instance-number order ({@code index} 0…count-1). */
    public record InstanceView(int index, String sopInstanceUid, String previewUrl) {}
}
