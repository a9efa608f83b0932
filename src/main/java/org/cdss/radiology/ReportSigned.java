package org.cdss.radiology;

import java.time.Instant;
import java.util.UUID;

/**
 * A radiology report was signed (and its imaging order completed in the same transaction). Ids and facts only.
 *
 * @param orderedBy the ordering doctor's user id
 * @param critical the radiologist flagged a critical finding
 */
@org.springframework.modulith.NamedInterface("events")
public record ReportSigned(
        UUID reportId,
        UUID orderId,
        String orderNumber,
        UUID patientId,
        UUID orderedBy,
        UUID radiologistId,
        boolean critical,
        Instant at) {}
