package org.cdss.records;

import org.cdss.shared.ProblemType;

/**
 * The refusals of the records module's own rules ({@code urn:cdss:problem:record.…}); titles and details in
 * {@code messages*.properties} as {@code problem.<code>.title} / {@code .detail}.
 */
public enum RecordProblem implements ProblemType {
    /** No such encounter or note (or none the caller may see). */
    NOT_FOUND("record.not-found", 404),
    /** The encounter was voided as entered in error: nothing more is recorded in it. */
    ENCOUNTER_VOIDED("record.encounter-voided", 409),
    /** Finishing or voiding an encounter that is not in a state that allows it. */
    INVALID_TRANSITION("record.invalid-transition", 409),
    /** An encounter is opened only for an appointment that is checked in or in consultation. */
    APPOINTMENT_NOT_OPEN("record.appointment-not-open", 409),
    /** A concurrent request opened the encounter of this appointment first. */
    ENCOUNTER_ALREADY_OPEN("record.encounter-already-open", 409),
    /** An encounter has at most one primary diagnosis. */
    PRIMARY_DIAGNOSIS_EXISTS("record.primary-diagnosis-exists", 409),
    /** A doctor who did not write the note amends it only with a reason. */
    AMENDMENT_REASON_REQUIRED("record.amendment-reason-required", 422);

    private final String code;
    private final int status;

    RecordProblem(String code, int status) {
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
