package org.cdss.notifications;

import java.util.Map;
import org.cdss.scheduling.AppointmentChanged;
import org.cdss.shared.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * After an appointment change commits ({@link AfterCommit}), tells the browsers that show it: staff of its department, its doctor, and the
 * front office (which sees the whole hospital's day). No patient data travels: the browser refetches.
 */
@Component
class AppointmentPush {

    private final PushChannel channel;

    AppointmentPush(PushChannel channel) {
        this.channel = channel;
    }

    @EventListener
    void on(AppointmentChanged event) {
        AfterCommit.run(() -> channel.publish(new PushMessage("appointment", Map.of("appointmentId",
                event.appointmentId(), "departmentId", event.departmentId(), "status", event.status().name())),
                s -> s.departmentIds().contains(event.departmentId()) || s.userId().equals(event.doctorId())
                        || s.roles().contains(Role.ADMIN_STAFF)));
    }
}
