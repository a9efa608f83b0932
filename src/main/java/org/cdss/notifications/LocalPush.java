package org.cdss.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Pushes stored notifications to the tabs connected to this instance: the recipient's own, or every member of the
 * recipient department. The message says only which notification and whether it is urgent; the browser refetches.
 */
@Component
class LocalPush {

    static final String EVENT = "notification";

    private final PushChannel channel;

    LocalPush(PushChannel channel) {
        this.channel = channel;
    }

    void deliver(NotificationsRecorded recorded) {
        for (NotificationsRecorded.Recorded n : recorded.notifications()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("id", n.id());
            payload.put("kind", n.kind().name());
            payload.put("urgent", n.urgent());
            channel.publish(new PushMessage(EVENT, payload), s -> n.userId() != null ? s.userId().equals(n.userId())
                    : s.departmentIds().contains(n.departmentId()));
        }
    }
}
