package org.cdss.medsafety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A proposed order (one or more drugs) to check against the patient's active medications and allergies. The
 * caller supplies the lists; with a {@code patientId} and neither list, the patient's recorded active medications
 * and allergies are used (patients module's {@code ClinicalLists}). {@code ageYears} and {@code weightKg} select the
 * dose limits of the patient's age band (a child's dose needs the weight); with a {@code patientId} and no age, the
 * age comes from the patient's birth date. Without an age the adult limits are applied.
 */
public record MedicationCheckRequest(
        UUID patientId,

        @NotEmpty @Size(max = MedicationCheckRequest.MAX_PROPOSED)
        List<@Valid ProposedDrug> proposed,

        @Size(max = MedicationCheckRequest.MAX_ACTIVE) List<@Valid ActiveMedication> activeMedications,
        @Size(max = MedicationCheckRequest.MAX_ALLERGIES) List<@Valid RecordedAllergy> allergies,
        @Min(0) @Max(150) Integer ageYears,

        @DecimalMin(value = "0", inclusive = false) @DecimalMax("500")
        Double weightKg) {

    public MedicationCheckRequest(
            UUID patientId,
            List<ProposedDrug> proposed,
            List<ActiveMedication> activeMedications,
            List<RecordedAllergy> allergies) {
        this(patientId, proposed, activeMedications, allergies, null, null);
    }

    /** The same request for a patient of this age and weight (either may be null). */
    public MedicationCheckRequest withPatient(Integer age, Double weight) {
        return new MedicationCheckRequest(patientId, proposed, activeMedications, allergies, age, weight);
    }

    public static final int MAX_PROPOSED = 100;
    public static final int MAX_ACTIVE = 200;
    public static final int MAX_ALLERGIES = 100;

    public MedicationCheckRequest {
        proposed = proposed == null ? List.of() : List.copyOf(proposed);
        activeMedications = activeMedications == null ? List.of() : List.copyOf(activeMedications);
        allergies = allergies == null ? List.of() : List.copyOf(allergies);
    }

    @Override
    public String toString() {
        return "MedicationCheckRequest[proposed=" + proposed.size() + ", active=" + activeMedications.size()
                + ", allergies=" + allergies.size() + "]";
    }
}
