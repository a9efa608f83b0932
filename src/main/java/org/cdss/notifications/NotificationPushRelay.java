package org.cdss.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After the notifications' commit, hands them to the fan-out (local or RabbitMQ), from the publication registry: the
 * recipient's tabs, or every member of the recipient department. The push says only which notification, its kind and
 * whether it is urgent; the browser refetches.
 */
@Component
class NotificationPushRelay {

    static final String EVENT = "notification";

    private final PushFanOut fanOut;

    NotificationPushRelay(PushFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @ApplicationModuleListener
    void on(NotificationsRecorded recorded) {
        fanOut.send(pushes(recorded));
    }

    static List<Push> pushes(NotificationsRecorded recorded) {
        return recorded.notifications().stream()
                .map(n -> {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("id", n.id());
                    payload.put("kind", n.kind().name());
                    payload.put("urgent", n.urgent());
                    return new Push(
                            EVENT,
                            payload,
                            n.userId() != null
                                    ? Push.Audience.of(n.userId(), null)
                                    : Push.Audience.of(null, n.departmentId()));
                })
                .toList();
    }
}
