package org.cdss.patients;

import java.time.LocalDate;

/** The editable demographic fields of a patient (validated at the edge: see the registry API). */
public record Demographics(
        String name,
        String nameLatin,
        LocalDate birthDate,
        Sex sex,
        String phone,
        String address,
        BloodType bloodType,
        String emergencyContactName,
        String emergencyContactPhone) {

    @Override
    public String toString() {
        return "Demographics[…]";
    }
}
