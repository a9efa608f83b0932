package org.cdss.records;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.cdss.patients.ClinicalViews;

/** Request bodies of the medical records API. Shape only; ranges and life cycle are checked in the service. */
final class RecordRequests {

    static final int NOTE_PART_MAX = 10_000;

    private RecordRequests() {}

    /**
     * Opens an encounter: for an appointment (department and doctor come from it; opening twice returns the same
     * encounter), or without one for a walk-in (department required; the doctor is the caller, or {@code doctorId}
     * when a nurse opens it).
     */
    record OpenEncounterRequest(UUID appointmentId, UUID departmentId, UUID doctorId) {}

    record VoidEncounterRequest(@NotBlank @Size(max = 500) String reason) {}

    record WriteNoteRequest(
            @Size(max = NOTE_PART_MAX) String subjective,
            @Size(max = NOTE_PART_MAX) String objective,
            @Size(max = NOTE_PART_MAX) String assessment,
            @Size(max = NOTE_PART_MAX) String plan) {}

    /**
     * Amends a note by adding its next version; {@code version} is the one read, else 409 stale-version.
     * {@code reason} is optional for the note's author and required of any other doctor.
     */
    record AmendNoteRequest(
            @NotNull Long version,
            @Size(max = NOTE_PART_MAX) String subjective,
            @Size(max = NOTE_PART_MAX) String objective,
            @Size(max = NOTE_PART_MAX) String assessment,
            @Size(max = NOTE_PART_MAX) String plan,
            @Size(max = 500) String reason) {}

    record RecordVitalsRequest(
            Integer systolic,
            Integer diastolic,
            Integer heartRate,
            Integer respiratoryRate,
            BigDecimal temperatureC,
            Integer spo2,
            BigDecimal heightCm,
            BigDecimal weightKg) {
        VitalSigns vitals() {
            return new VitalSigns(
                    systolic, diastolic, heartRate, respiratoryRate, temperatureC, spo2, heightCm, weightKg);
        }
    }

    record RecordDiagnosisRequest(
            @NotBlank @Size(max = 10) @Pattern(regexp = ClinicalViews.DIAGNOSIS_CODE)
            String code,

            @NotBlank @Size(max = 300) String description,
            boolean primary) {}
}
