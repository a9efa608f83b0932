package org.cdss.notifications;

/** What a notification tells; the browser translates it (key {@code notifications.kind.<KIND>}) with its params. */
public enum NotificationKind {
    /** An order was sent to the department that carries it out. */
    ORDER_SENT,
    /** An order the recipient placed was completed. */
    ORDER_COMPLETED,
    /** An order was cancelled (told to its ordering doctor and, once sent, to the target department). */
    ORDER_CANCELLED,
    /** A result was recorded for an order the recipient placed. */
    RESULT_AVAILABLE,
    /** A result with at least one critical value: always urgent. */
    CRITICAL_RESULT,
    /** The department that carries an order out (a pharmacist) asks its prescriber a question: urgent. */
    ORDER_QUERY,
    /** The prescriber answered a query on an order (told to the department). */
    ORDER_QUERY_ANSWERED
}
