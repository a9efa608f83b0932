package org.cdss.patients;

/** Administrative sex: male, female, other, unknown (FHIR AdministrativeGender). */
public enum Sex {
    M,
    F,
    O,
    U
}
