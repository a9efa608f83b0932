package org.cdss.radiology;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A key image the radiologist marked on the report: the study, the series and the instance by its SOP Instance UID
 * (ADR 0041), with its Instance Number and series description as the archive gave them when it was marked (the
 * caption). {@code previewUrl}: its rendered image through CDSS. A key image marked before V43 has no SOP UID: it is
 * named by its position in the series ({@code instanceIndex}, 0-based, instance-number order) and shown by it — the
 * documented fallback; every other key image has {@code instanceIndex} null.
 */
public record KeyImageView(
        UUID id,
        UUID studyId,
        String seriesInstanceUid,
        @Nullable String sopInstanceUid,
        @Nullable Integer instanceNumber,
        @Nullable String seriesDescription,
        @Nullable Integer instanceIndex,
        String previewUrl,
        Instant addedAt) {}
