package org.cdss.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** After the notifications' commit, hands them to the fan-out (local or RabbitMQ), from the publication registry. */
@Component
class NotificationPushRelay {

    private final PushFanOut fanOut;

    NotificationPushRelay(PushFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @ApplicationModuleListener
    void on(NotificationsRecorded recorded) {
        fanOut.send(recorded);
    }
}
