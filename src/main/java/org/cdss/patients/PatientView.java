package org.cdss.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient's full demographic record as the chart shows it. The resident registration number appears only masked
 * ({@code 900101-1******}); revealing it is a separate, audited request. {@code version} is sent back on edit;
 * {@code mergedInto} names the record that continues the chart of a merged duplicate (ADR 0026);
 * {@code noKnownAllergiesConfirmedAt}/{@code By}: "no known allergies" was confirmed, when and by whom (null: never
 * confirmed, which with an empty allergy list means "not yet recorded").
 */
public record PatientView(
        UUID id,
        String mrn,
        String name,
        String nameLatin,
        LocalDate birthDate,
        Sex sex,
        String phone,
        String address,
        BloodType bloodType,
        String emergencyContactName,
        String emergencyContactPhone,
        String rrnMasked,
        boolean active,
        Instant inactivatedAt,
        String inactivationReason,
        Instant createdAt,
        Instant updatedAt,
        long version,
        @org.jspecify.annotations.Nullable UUID mergedInto,
        @org.jspecify.annotations.Nullable Instant noKnownAllergiesConfirmedAt,
        @org.jspecify.annotations.Nullable String noKnownAllergiesConfirmedBy) {

    @Override
    public String toString() {
        return "PatientView[" + id + "]";
    }
}
