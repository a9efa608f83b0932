package org.cdss.radiology;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Request bodies of the RIS API (shape only; the rules are the service's). */
final class RisRequests {

    private RisRequests() {}

    /**
     * A draft report for an imaging order: created on the first save, updated after that ({@code version} = the
     * version the radiologist saw; required once the draft exists). The BI-RADS range is checked by the service so
     * that the refusal carries its own problem code ({@code report.invalid-birads}).
     */
    record SaveDraft(
            @NotNull UUID orderId,
            Long version,
            @Size(max = 20000) String findings,
            @Size(max = 5000) String impression,
            @Size(max = 5000) String recommendation,
            Integer biradsCategory,
            Boolean critical) {

        /** Whether a critical finding is flagged (absent: no). */
        boolean criticalFinding() {
            return Boolean.TRUE.equals(critical);
        }
    }

    /** Signing the draft at the version the radiologist saw. */
    record Sign(@NotNull Long version) {}

    /**
     * A key image to mark on a draft report: the study (one of the order's), the series and the instance by its SOP
     * Instance UID, as the reading screen shows it — the same image however the series is later ordered.
     */
    record KeyImage(
            @NotNull UUID studyId,

            @NotBlank @Size(max = 64) @Pattern(regexp = UID) String seriesInstanceUid,

            @NotBlank @Size(max = 64) @Pattern(regexp = UID) String sopInstanceUid) {}

    /** A DICOM UID: digits and dots. */
    static final String UID = "[0-9]+(\\.[0-9]+)*";

    /** An addendum: signed as it is written. */
    record Addendum(@NotBlank @Size(max = 10000) String body, Boolean critical) {

        /** Whether the addendum reports a critical finding (absent: no). */
        boolean criticalFinding() {
            return Boolean.TRUE.equals(critical);
        }
    }
}
