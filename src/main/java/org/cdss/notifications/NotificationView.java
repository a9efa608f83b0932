package org.cdss.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One notification as its recipient sees it. No patient data: the subject is an order id and its number, the text is
 * a message key with parameters that the browser translates.
 *
 * @param departmentId set when the notification went to a department (all its staff) rather than to one user
 * @param readAt when the caller read it (read state is per user, also for department notifications); null if unread
 */
public record NotificationView(
        UUID id,
        NotificationKind kind,
        boolean urgent,
        String subjectType,
        UUID subjectId,
        String subjectNumber,
        String messageKey,
        Map<String, String> params,
        UUID departmentId,
        Instant createdAt,
        Instant readAt) {}
