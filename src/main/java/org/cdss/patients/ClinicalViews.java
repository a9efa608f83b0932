package org.cdss.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the clinical lists API returns. */
public final class ClinicalViews {

    private ClinicalViews() {
    }

    /** A recorded allergy; {@code substanceCode} is the knowledge-base code when the text could be coded. */
    public record AllergyView(UUID id, String substance, String substanceCode, String reaction,
            AllergySeverity severity, ClinicalStatus status, Instant recordedAt, String recordedBy,
            Instant inactivatedAt, String inactivationReason) {
    }

    public record MedicationView(UUID id, String name, String ingredientId, String dose, LocalDate startedOn,
            ClinicalStatus status, Instant recordedAt, String recordedBy, Instant inactivatedAt,
            String inactivationReason) {
    }

    /** A problem-list entry with its KCD/ICD-10 code ({@code J45.9}). */
    public record ProblemView(UUID id, String code, String description, LocalDate onsetOn, ClinicalStatus status,
            Instant recordedAt, String recordedBy, Instant inactivatedAt, String inactivationReason) {
    }

    /** An active allergy as the medication safety engine reads it. */
    public record ActiveAllergy(String substance, String substanceCode) {
    }

    /** An active medication as the medication safety engine reads it. */
    public record ActiveMedicationEntry(String name, String ingredientId) {
    }
}
