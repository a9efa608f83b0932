package org.cdss.patients;

import java.time.LocalDate;
import java.util.UUID;

/** The demographic header of a patient, as lists and the chart banner show it. */
public record PatientSummaryView(
        UUID id, String mrn, String name, String nameLatin, LocalDate birthDate, Sex sex, boolean active) {

    @Override
    public String toString() {
        return "PatientSummaryView[" + id + "]";
    }
}
