package org.cdss.notifications;

import org.cdss.shared.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class NotificationStreamController {

    private final PushChannel channel;

    NotificationStreamController(PushChannel channel) {
        this.channel = channel;
    }

    /** The browser's live channel (EventSource): events "ready", "appointment", … with JSON payloads. */
    @GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return channel.subscribe(CurrentUser.require());
    }
}
