package org.cdss.ai;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A job as the API shows it; {@code result} is the job's JSON result (counts, skipped items), when it has one. */
public record AiJobView(
        UUID id,
        String kind,
        String status,
        int progress,
        int attempts,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String error,
        @Nullable Object result) {}
