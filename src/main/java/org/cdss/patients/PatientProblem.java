package org.cdss.patients;

import org.cdss.shared.ProblemType;

/**
 * The refusals of the patients module's own rules ({@code urn:cdss:problem:patient.…}); titles and details in
 * {@code messages*.properties} as {@code problem.<code>.title} / {@code .detail}.
 */
public enum PatientProblem implements ProblemType {
    /** No such patient, or one the caller may not see (a patient account asking for someone else's chart). */
    NOT_FOUND("patient.not-found", 404),
    /** The patient record was inactivated: it is not edited any more. */
    INACTIVE("patient.inactive", 409),
    /** The allergy, medication or problem list entry is already inactive. */
    ENTRY_INACTIVE("patient.entry-inactive", 409),
    /** No unused MRN was drawn after several attempts (practically impossible; retrying helps). */
    MRN_UNAVAILABLE("patient.mrn-unavailable", 409),
    /** Another patient record already holds this resident registration number ({@code existingPatientId}). */
    DUPLICATE_RRN("patient.duplicate-rrn", 409),
    /** A merge of a record into itself, into an inactive or merged record, or of a record already merged. */
    MERGE_REFUSED("patient.merge-refused", 409),
    /** "No known allergies" cannot be confirmed while active allergies are recorded. */
    ALLERGIES_RECORDED("patient.allergies-recorded", 409);

    private final String code;
    private final int status;

    PatientProblem(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
