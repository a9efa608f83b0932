package org.cdss.scheduling;

import java.util.EnumSet;
import java.util.Set;

/** Where an appointment is in its life cycle, and which moves are allowed from there. */
@org.springframework.modulith.NamedInterface("events")
public enum AppointmentStatus {
    SCHEDULED,
    CHECKED_IN,
    IN_CONSULTATION,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    boolean canMoveTo(AppointmentStatus next) {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(CHECKED_IN, CANCELLED, NO_SHOW).contains(next);
            case CHECKED_IN -> EnumSet.of(IN_CONSULTATION, CANCELLED).contains(next);
            case IN_CONSULTATION -> next == COMPLETED;
            case COMPLETED, CANCELLED, NO_SHOW -> false;
        };
    }

    /** Statuses that keep the doctor's slot taken. */
    static final Set<AppointmentStatus> HOLDS_SLOT = EnumSet.of(SCHEDULED, CHECKED_IN, IN_CONSULTATION, COMPLETED);
}
