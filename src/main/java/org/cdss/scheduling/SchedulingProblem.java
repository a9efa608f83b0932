package org.cdss.scheduling;

import org.cdss.shared.ProblemType;

/**
 * The refusals of the scheduling module's own rules ({@code problem.<code>.title} / {@code .detail} in
 * {@code messages*.properties}). Clients switch on the code: a taken slot offers the free ones again, a refused
 * field is shown at the field ({@code errors[].pointer}).
 */
public enum SchedulingProblem implements ProblemType {
    /** No such appointment, or one the caller may not see (answered alike: no existence leak). */
    APPOINTMENT_NOT_FOUND("appointment.not-found", 404),
    /** Someone booked the doctor's slot first (the unique key decided, ADR 0006). */
    SLOT_TAKEN("appointment.slot-taken", 409),
    /** The patient already has an appointment at an overlapping time (with another doctor). */
    PATIENT_BUSY("appointment.patient-busy", 409),
    /** The life cycle does not allow this step from the appointment's state. */
    INVALID_TRANSITION("appointment.invalid-transition", 409),
    /** A no-show marked before the appointment's time. */
    NOT_YET_STARTED("appointment.not-yet-started", 409),
    /** A patient cancelling in the portal too close to the appointment. */
    CANCEL_TOO_LATE("appointment.cancel-too-late", 422),
    PATIENT_UNKNOWN("appointment.patient-unknown", 422),
    IN_THE_PAST("appointment.in-the-past", 422),
    TOO_FAR_AHEAD("appointment.too-far-ahead", 422),
    /** A portal account already holds as many upcoming appointments as it may book itself. */
    PORTAL_LIMIT("appointment.portal-limit", 422),
    OUTSIDE_HOURS("appointment.outside-hours", 422),
    NOT_A_DOCTOR_HERE("appointment.not-a-doctor-here", 422),
    /** A weekly schedule whose hours hold no slot. */
    SCHEDULE_WITHOUT_SLOT("schedule.no-slot", 422),
    /** Weekly hours that overlap another of the doctor's schedules on the same weekday. */
    SCHEDULE_OVERLAPS("schedule.overlaps", 409);

    private final String code;
    private final int status;

    SchedulingProblem(String code, int status) {
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
