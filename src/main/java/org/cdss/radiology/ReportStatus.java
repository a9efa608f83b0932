package org.cdss.radiology;

/**
 * Where a radiology report stands: a DRAFT is the radiologist's work in progress (FHIR {@code preliminary}); a SIGNED
 * report is final and never changes again (FHIR {@code final}, {@code appended} once it has addenda).
 */
public enum ReportStatus {
    DRAFT,
    SIGNED;

    /** The FHIR R4 DiagnosticReport status of a report in this state. */
    public String fhirStatus(boolean hasAddenda) {
        return this == DRAFT ? "preliminary" : hasAddenda ? "appended" : "final";
    }
}
