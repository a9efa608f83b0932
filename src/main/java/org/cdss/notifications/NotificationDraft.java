package org.cdss.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A notification to store. {@code dedupeKey} identifies the source fact and the recipient, so that the same event
 * delivered twice (outbox retry, restart) stores one notification.
 */
record NotificationDraft(
        String dedupeKey,
        UUID userId,
        UUID departmentId,
        NotificationKind kind,
        boolean urgent,
        String subjectType,
        UUID subjectId,
        String subjectNumber,
        Map<String, String> params,
        Instant createdAt) {

    NotificationDraft {
        if ((userId == null) == (departmentId == null)) {
            throw new IllegalArgumentException("a notification goes to a user or to a department");
        }
    }

    String messageKey() {
        return "notifications.kind." + kind.name();
    }
}
