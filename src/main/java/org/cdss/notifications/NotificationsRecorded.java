package org.cdss.notifications;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Internal event: notifications were stored (in the transaction that publishes this). The push relay fans it out to
 * the connected browsers after commit; being an event, it rides the publication registry, so a push that could not
 * reach the broker is retried from the outbox.
 */
record NotificationsRecorded(List<Recorded> notifications) {

    /** One stored notification and its audience: a user or a department. */
    record Recorded(
            UUID id,
            NotificationKind kind,
            boolean urgent,
            @Nullable UUID userId,
            @Nullable UUID departmentId) {}
}
