package org.cdss.radiology;

import java.time.Instant;
import java.util.UUID;

/** One stored report as the module reads it (internal). */
record ReportRow(
        UUID id,
        UUID orderId,
        String orderNumber,
        UUID patientId,
        UUID orderedBy,
        UUID departmentId,
        String modality,
        String bodyPart,
        String procedure,
        String codeSystem,
        String code,
        String codeDisplay,
        boolean breastImaging,
        ReportStatus status,
        String findings,
        String impression,
        String recommendation,
        Integer biradsCategory,
        boolean critical,
        Instant acquiredAt,
        UUID createdBy,
        Instant createdAt,
        UUID updatedBy,
        Instant updatedAt,
        UUID signedBy,
        String signedByName,
        Instant signedAt,
        long version) {

    boolean signed() {
        return status == ReportStatus.SIGNED;
    }

    @Override
    public String toString() {
        return "ReportRow[" + id + ", " + status + "]";
    }
}
