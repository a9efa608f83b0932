package org.cdss.notifications;

import java.util.List;

/**
 * The one path of every browser push (ADR 0007): straight to this instance's push channel ({@link LocalPush}), or,
 * with {@code CDSS_AMQP_URL}, through RabbitMQ so that every instance pushes to its own browsers
 * ({@link RabbitFanOutConfiguration}, ADR 0011). Stored notifications, appointment and order (worklist) hints all go
 * through it. Throws when it could not hand the pushes on.
 */
interface PushFanOut {

    void send(List<Push> pushes);
}
