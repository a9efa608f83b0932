package org.cdss.patients;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request bodies of the clinical lists API. */
final class ClinicalListRequests {

    /** KCD-8 / ICD-10 code: letter, two digits, optional dot and one to two (KCD: up to four) more characters. */
    static final String DIAGNOSIS_CODE = "^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$";

    private ClinicalListRequests() {
    }

    record RecordAllergyRequest(@NotBlank @Size(max = 200) String substance, @Size(max = 500) String reaction,
            @NotNull AllergySeverity severity) {
    }

    record RecordMedicationRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String dose,
            @PastOrPresent LocalDate startedOn) {
    }

    record RecordProblemRequest(@NotBlank @Size(max = 10) @Pattern(regexp = DIAGNOSIS_CODE) String code,
            @NotBlank @Size(max = 300) String description, @PastOrPresent LocalDate onsetOn) {
    }

    record InactivateEntryRequest(@Size(max = 500) String reason) {
    }
}
