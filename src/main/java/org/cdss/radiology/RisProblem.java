package org.cdss.radiology;

import org.cdss.shared.ProblemType;

/**
 * The refusals of the radiology module's own rules ({@code urn:cdss:problem:report.…}); titles and details are
 * {@code problem.<code>.title/.detail} in {@code messages*.properties}. A stale draft (another radiologist saved
 * first) is the generic {@code stale-version} (409).
 */
enum RisProblem implements ProblemType {
    /** No report with this id, or one the caller may not see. */
    NOT_FOUND("report.not-found", 404),
    /** A signed report never changes: corrections are addenda. */
    ALREADY_SIGNED("report.already-signed", 409),
    /** An addendum or a PDF needs a signed report. */
    NOT_SIGNED("report.not-signed", 409),
    /** BI-RADS is 0-6, only for breast imaging, and required to sign a breast study. */
    INVALID_BIRADS("report.invalid-birads", 422),
    /** Signing needs findings and an impression. */
    INCOMPLETE("report.incomplete", 422),
    /** Reports are written for imaging orders only. */
    ORDER_NOT_IMAGING("report.order-not-imaging", 422),
    /** A report is written once the images are acquired (the order in progress) and before it is completed. */
    ORDER_NOT_ACQUIRED("report.order-not-acquired", 409),
    /** A report has at most {@link ReportManagement#MAX_KEY_IMAGES} key images. */
    KEY_IMAGES_FULL("report.key-images-full", 422);

    private final String code;
    private final int status;

    RisProblem(String code, int status) {
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
