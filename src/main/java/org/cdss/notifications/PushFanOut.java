package org.cdss.notifications;

/**
 * How stored notifications reach the browsers: straight to this instance's push channel, or through RabbitMQ so that
 * every instance pushes them to its own browsers ({@code CDSS_AMQP_URL}, ADR 0011). Throws when it could not hand the
 * message on; the event then stays incomplete in the publication registry and is resubmitted.
 */
interface PushFanOut {

    void send(NotificationsRecorded recorded);
}
