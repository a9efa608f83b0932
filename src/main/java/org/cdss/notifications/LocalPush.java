package org.cdss.notifications;

import java.util.List;
import org.springframework.stereotype.Component;

/** Delivers pushes to the tabs connected to this instance whose user is in the push's audience. */
@Component
class LocalPush {

    private final PushChannel channel;

    LocalPush(PushChannel channel) {
        this.channel = channel;
    }

    void deliver(List<Push> pushes) {
        for (Push push : pushes) {
            channel.publish(push.message(), push.audience()::includes);
        }
    }
}
