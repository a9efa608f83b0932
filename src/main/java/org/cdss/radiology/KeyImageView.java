package org.cdss.radiology;

import java.time.Instant;
import java.util.UUID;

/**
 * A key image the radiologist marked on the report: the study, the series and the instance's position in it
 * (0-based, instance-number order: the imaging API's per-instance preview {@code
 * /api/imaging/studies/{studyId}/series/{seriesInstanceUid}/instances/{instanceIndex}/preview}).
 */
public record KeyImageView(UUID id, UUID studyId, String seriesInstanceUid, int instanceIndex, Instant addedAt) {}
