package org.cdss.radiology;

import java.time.Instant;
import java.util.UUID;

/**
 * An addendum was signed and appended to a signed radiology report; the ordering doctor is told (urgently when it
 * reports a critical finding). Ids and facts only.
 */
@org.springframework.modulith.NamedInterface("events")
public record ReportAddendumSigned(
        UUID reportId,
        UUID addendumId,
        UUID orderId,
        String orderNumber,
        UUID patientId,
        UUID orderedBy,
        UUID radiologistId,
        boolean critical,
        Instant at) {}
