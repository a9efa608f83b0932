package org.cdss.radiology;

import org.cdss.shared.DomainException;

/**
 * BI-RADS assessment categories (ACR BI-RADS Atlas, 5th edition, 2013): 0 incomplete, 1 negative, 2 benign, 3
 * probably benign, 4 suspicious, 5 highly suggestive of malignancy, 6 known biopsy-proven malignancy. Only breast
 * imaging carries one; signing a breast study requires it. The 4A/4B/4C subdivisions are not recorded (yet).
 */
final class Birads {

    static final int MIN = 0;
    static final int MAX = 6;

    private Birads() {}

    /** A category on a draft: within 0-6, and only on breast imaging. */
    static void checkDraft(Integer category, boolean breast) {
        if (category == null) {
            return;
        }
        if (category < MIN || category > MAX) {
            throw refused("report.birads-range");
        }
        if (!breast) {
            throw refused("report.birads-not-breast");
        }
    }

    /** What signing adds: a breast study has its category. */
    static void checkSign(Integer category, boolean breast) {
        checkDraft(category, breast);
        if (breast && category == null) {
            throw refused("report.birads-required");
        }
    }

    private static DomainException refused(String key) {
        return new DomainException(
                RisProblem.INVALID_BIRADS,
                key,
                java.util.List.of(new DomainException.FieldProblem("/biradsCategory", key)));
    }
}
