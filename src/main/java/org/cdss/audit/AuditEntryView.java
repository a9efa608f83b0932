package org.cdss.audit;

import java.time.Instant;
import java.util.UUID;

/** One audit record as administrators see it. */
public record AuditEntryView(
        UUID id,
        Instant occurredAt,
        UUID userId,
        String username,
        String roles,
        String action,
        String resourceType,
        String resourceId,
        UUID patientId,
        String ip,
        String userAgent,
        AuditOutcome outcome,
        String detail) {}
