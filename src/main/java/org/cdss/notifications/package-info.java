/**
 * Notifications: persistent per-user and per-department notifications (order sent, completed, cancelled, result,
 * critical result) with per-user read state, and the real-time push channel to connected browsers (server-sent
 * events). Order events arrive through Spring Modulith's event publication registry (transactional outbox) and are
 * stored idempotently; pushes are small hints (ids, no patient data) after which the browser refetches, sent straight
 * to this instance's browsers or, with {@code CDSS_AMQP_URL}, through a RabbitMQ fanout exchange to every instance's
 * (ADR 0007, ADR 0011); AI job progress ({@code ai}) goes the same way. An addendum to a signed radiology report ({@code radiology}) is told to the ordering doctor like a result. Depends on the events of {@code orders}, {@code scheduling} and {@code ai}, never on their internals.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {
            "shared",
            "orders::events",
            "scheduling::events",
            "ai::events",
            "radiology::events",
            "identity"
        })
@org.jspecify.annotations.NullMarked
package org.cdss.notifications;
