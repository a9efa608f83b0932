package org.cdss.notifications;

import java.util.Map;

/** One message on the push channel: an event name the browser listens for and a small JSON payload. */
public record PushMessage(String type, Map<String, Object> payload) {}
