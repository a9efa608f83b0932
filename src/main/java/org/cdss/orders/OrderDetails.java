package org.cdss.orders;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The typed payloads of the four order types; exactly the one matching the order's type is given. */
public final class OrderDetails {

    private OrderDetails() {}

    /** Routes of administration (HL7 v2 table 0162 abbreviations). */
    public enum Route {
        PO,
        SL,
        IV,
        IM,
        SC,
        INH,
        TOP,
        PR,
        NAS,
        OPH
    }

    /** Dosing frequencies; {@code perDay} feeds the daily-dose check (null for weekly and "as needed"). */
    public enum Frequency {
        ONCE(1),
        QD(1),
        BID(2),
        TID(3),
        QID(4),
        Q4H(6),
        Q6H(4),
        Q8H(3),
        Q12H(2),
        QHS(1),
        /** Once a week (oral methotrexate): no daily frequency, so the daily-dose check does not count it per day. */
        QW(null),
        PRN(null);

        private final Integer perDay;

        Frequency(Integer perDay) {
            this.perDay = perDay;
        }

        public Integer perDay() {
            return perDay;
        }
    }

    /** DICOM modality codes the radiology department performs. */
    public enum Modality {
        CT,
        MR,
        CR,
        DX,
        US,
        MG
    }

    public enum Laterality {
        LEFT,
        RIGHT,
        BILATERAL,
        NOT_APPLICABLE
    }

    /**
     * A prescription of one orderable product from the drug knowledge base ({@code drugId} = its DrugBank
     * accession, as returned by {@code GET /api/medsafety/drugs}).
     */
    public record Medication(
            @NotBlank @Pattern(regexp = "DB\\d{5}") String drugId,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000")
            BigDecimal dose,

            @NotBlank @Pattern(regexp = "mg|g|mcg|mL|IU|unit|tablet|capsule|puff|drop")
            String doseUnit,

            @NotNull Route route,
            @NotNull Frequency frequency,
            @NotNull @Min(1) @Max(365) Integer durationDays,

            @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000")
            BigDecimal quantity,

            @Size(max = 1000) String instructions) {}

    /** A test or panel of the lab catalogue ({@code GET /api/ocs/lab-tests}). */
    public record LabTest(
            @NotBlank @Size(max = 20) String testCode,

            @Pattern(regexp = "BLOOD|SERUM|PLASMA|URINE|CSF|SWAB|OTHER")
            String specimen) {}

    public record Imaging(
            @NotNull Modality modality,
            @NotBlank @Size(max = 60) String bodyPart,
            @NotNull Laterality laterality,
            @NotNull Boolean contrast) {}

    public record TissueExam(
            @NotBlank @Size(max = 120) String specimen,
            @NotBlank @Size(max = 120) String site,
            @NotBlank @Size(max = 1000) String clinicalQuestion) {}
}
