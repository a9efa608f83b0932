package org.cdss.radiology;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A radiology report as the API shows it. {@code procedure} is the order's one-line summary (e.g. "MR Breast
 * (bilateral) + contrast"); {@code fhirStatus} the DiagnosticReport status it maps to (preliminary, final, appended);
 * {@code code}/{@code codeDisplay} its LOINC kind. {@code version} is what a draft save or the signature must send
 * back. {@code keyImages}: the images the radiologist marked while reading (none: none chosen, ADR 0041), fixed
 * once signed. A patient's view carries the same fields.
 */
public record ReportView(
        UUID id,
        UUID orderId,
        String orderNumber,
        UUID patientId,
        String patientName,
        String patientMrn,
        ReportStatus status,
        String fhirStatus,
        String procedure,
        String modality,
        boolean breastImaging,
        String code,
        String codeDisplay,
        String findings,
        String impression,
        String recommendation,
        Integer biradsCategory,
        boolean critical,
        UUID orderedById,
        String orderedByName,
        Instant acquiredAt,
        Instant createdAt,
        Instant updatedAt,
        String updatedByName,
        UUID signedById,
        String signedByName,
        Instant signedAt,
        long version,
        List<AddendumView> addenda,
        List<KeyImageView> keyImages) {

    public ReportView {
        addenda = List.copyOf(addenda);
        keyImages = List.copyOf(keyImages);
    }

    @Override
    public String toString() {
        return "ReportView[" + id + ", " + status + "]";
    }
}
