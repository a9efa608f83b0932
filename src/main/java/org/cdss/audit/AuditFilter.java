package org.cdss.audit;

import java.time.Instant;
import java.util.UUID;

/** Search criteria for the audit viewer; every field is optional. */
public record AuditFilter(
        String username, UUID patientId, String action, AuditOutcome outcome, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
