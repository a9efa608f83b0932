package org.cdss.notifications;

import java.util.HashMap;
import java.util.Map;
import org.cdss.ai.AiJobProgressed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Live progress of an AI job to its owner's browsers, on every instance ({@link PushHints}): the job id, status and
 * progress only; the browser refetches the job.
 */
@Component
class AiJobPush {

    private final PushHints hints;

    AiJobPush(PushHints hints) {
        this.hints = hints;
    }

    @EventListener
    void on(AiJobProgressed event) {
        if (event.ownerId() == null) {
            return;
        }
        Map<String, Object> payload = new HashMap<>();
        payload.put("jobId", event.jobId());
        payload.put("status", event.status());
        payload.put("progress", event.progress());
        hints.afterCommit(new Push("ai-job", payload, Push.Audience.of(event.ownerId(), null)));
    }
}
