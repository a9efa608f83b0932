package org.cdss.imaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A study in the archive was linked to the imaging order whose accession number it carries (the order moved to
 * IN_PROGRESS). Ids only: {@code studyId} is CDSS's id of the study ({@code GET /api/imaging/studies/{studyId}}).
 */
@org.springframework.modulith.NamedInterface("events")
public record StudyLinked(UUID orderId, UUID studyId, UUID patientId, Instant at) {}
