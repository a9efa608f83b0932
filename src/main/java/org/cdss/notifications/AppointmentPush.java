package org.cdss.notifications;

import java.util.Map;
import org.cdss.scheduling.AppointmentChanged;
import org.cdss.shared.security.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After an appointment change commits, tells the browsers that show it, on every instance ({@link PushHints}): staff
 * of its department, its doctor, and the front office (which sees the whole hospital's day). No patient data travels:
 * the browser refetches (appointment lists, the dashboard's counts).
 */
@Component
class AppointmentPush {

    private final PushHints hints;

    AppointmentPush(PushHints hints) {
        this.hints = hints;
    }

    @EventListener
    void on(AppointmentChanged event) {
        hints.afterCommit(new Push(
                "appointment",
                Map.of(
                        "appointmentId",
                        event.appointmentId(),
                        "departmentId",
                        event.departmentId(),
                        "status",
                        event.status().name()),
                Push.Audience.of(event.doctorId(), event.departmentId(), Role.ADMIN_STAFF)));
    }
}
