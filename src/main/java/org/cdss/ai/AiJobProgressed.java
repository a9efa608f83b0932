package org.cdss.ai;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A job changed state or progressed (ids and facts only). The notifications module pushes it to the job owner's
 * browsers; the browser refetches the job.
 */
@org.springframework.modulith.NamedInterface("events")
public record AiJobProgressed(UUID jobId, @Nullable UUID ownerId, String status, int progress) {}
