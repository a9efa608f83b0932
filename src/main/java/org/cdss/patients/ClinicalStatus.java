package org.cdss.patients;

/** Whether an entry of a clinical list (allergy, medication, problem) is current. Entries are never deleted. */
public enum ClinicalStatus {
    ACTIVE,
    INACTIVE
}
