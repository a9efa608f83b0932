package org.cdss.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One audit record as administrators see it. {@code userDisplayName}, {@code patientName} and {@code patientMrn} are
 * filled for the viewer (null elsewhere, and for ids nobody knows any more).
 */
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
        String detail,
        @Nullable String userDisplayName,
        @Nullable String patientName,
        @Nullable String patientMrn) {

    AuditEntryView named(@Nullable String displayName, AuditNames.@Nullable PatientLabel patient) {
        return new AuditEntryView(
                id,
                occurredAt,
                userId,
                username,
                roles,
                action,
                resourceType,
                resourceId,
                patientId,
                ip,
                userAgent,
                outcome,
                detail,
                displayName,
                patient == null ? null : patient.name(),
                patient == null ? null : patient.mrn());
    }
}
