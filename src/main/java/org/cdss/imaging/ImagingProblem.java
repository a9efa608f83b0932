package org.cdss.imaging;

import org.cdss.shared.ProblemType;

/**
 * The refusals of the imaging module. Titles and details are {@code problem.<code>.title/.detail} in
 * {@code messages*.properties}.
 */
enum ImagingProblem implements ProblemType {
    /** No Orthanc can be reached (not installed, stopped, or its circuit breaker is open): 503. */
    PACS_UNAVAILABLE("imaging.pacs-unavailable", 503),
    /** A study the caller may not see, or that does not exist: 404. */
    STUDY_NOT_FOUND("imaging.study-not-found", 404),
    /** An upload above the configured size limits (one file, a zip's total or its expansion ratio): 413. */
    UPLOAD_TOO_LARGE("imaging.upload-too-large", 413),
    /** An upload that is neither DICOM nor a zip of DICOM files (by its name and type): 415. */
    UPLOAD_UNSUPPORTED("imaging.upload-unsupported", 415),
    /** A study may be linked to a patient only when it is unlinked (a mismatch awaiting a decision): 409. */
    ALREADY_LINKED("imaging.already-linked", 409);

    private final String code;
    private final int status;

    ImagingProblem(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
