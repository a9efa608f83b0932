package org.cdss.shared.security;

import java.util.EnumSet;
import java.util.Set;

/** What a user may do. Departments (data, not code) scope it further. */
public enum Role {
    DOCTOR,
    NURSE,
    PHARMACIST,
    LAB_TECH,
    RADIOGRAPHER,
    RADIOLOGIST,
    ADMIN_STAFF,
    ADMIN,
    PATIENT;

    /** Staff who take part in patient care. */
    public static final Set<Role> CLINICAL = EnumSet.of(DOCTOR, NURSE, PHARMACIST, LAB_TECH, RADIOGRAPHER, RADIOLOGIST);

    /** Staff allowed to look up and read the patient registry. */
    public static final Set<Role> PATIENT_REGISTRY_READERS =
            EnumSet.of(DOCTOR, NURSE, PHARMACIST, LAB_TECH, RADIOGRAPHER, RADIOLOGIST, ADMIN_STAFF);

    public boolean isStaff() {
        return this != PATIENT;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
