package org.cdss.patients;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request bodies of the clinical lists API. */
public final class ClinicalListRequests {

    /** KCD-8 / ICD-10 code, see {@link ClinicalViews#DIAGNOSIS_CODE}. */
    static final String DIAGNOSIS_CODE = ClinicalViews.DIAGNOSIS_CODE;

    private ClinicalListRequests() {}

    public record RecordAllergyRequest(
            @NotBlank @Size(max = 200) String substance,
            @Size(max = 500) String reaction,
            @NotNull AllergySeverity severity) {}

    record RecordMedicationRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String dose,
            @PastOrPresent LocalDate startedOn) {}

    record RecordProblemRequest(
            @NotBlank @Size(max = 10) @Pattern(regexp = DIAGNOSIS_CODE)
            String code,

            @NotBlank @Size(max = 300) String description,
            @PastOrPresent LocalDate onsetOn) {}

    record InactivateEntryRequest(@Size(max = 500) String reason) {}
}
