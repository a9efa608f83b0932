package org.cdss.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the clinical lists API returns. */
public final class ClinicalViews {

    /**
     * A KCD-8 / ICD-10 diagnosis code: letter, two digits, optional dot and one to four more characters
     * ({@code J45.9}, KCD's {@code E11.78}). Shared with the medical records' encounter diagnoses.
     */
    public static final String DIAGNOSIS_CODE = "^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$";

    private ClinicalViews() {}

    /** A recorded allergy; {@code substanceCode} is the knowledge-base code when the text could be coded. */
    public record AllergyView(
            UUID id,
            String substance,
            String substanceCode,
            String reaction,
            AllergySeverity severity,
            ClinicalStatus status,
            Instant recordedAt,
            String recordedBy,
            Instant inactivatedAt,
            String inactivationReason) {}

    public record MedicationView(
            UUID id,
            String name,
            String ingredientId,
            String dose,
            LocalDate startedOn,
            ClinicalStatus status,
            Instant recordedAt,
            String recordedBy,
            Instant inactivatedAt,
            String inactivationReason) {}

    /** A problem-list entry with its KCD/ICD-10 code ({@code J45.9}). */
    public record ProblemView(
            UUID id,
            String code,
            String description,
            LocalDate onsetOn,
            ClinicalStatus status,
            Instant recordedAt,
            String recordedBy,
            Instant inactivatedAt,
            String inactivationReason) {}

    /** An active allergy as the medication safety engine reads it. */
    public record ActiveAllergy(
            String substance,
            String substanceCode,
            @Nullable String reaction,
            @Nullable AllergySeverity severity) {}

    /** An active medication as the medication safety engine reads it. */
    public record ActiveMedicationEntry(String name, String ingredientId) {}
}
