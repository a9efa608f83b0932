package org.cdss.orders;

/**
 * Why an order was cancelled. Only {@link #REQUESTED} and {@link #RETURNED} carry a reason a person wrote; the other two are said by
 * the UI in the reader's language (the stored {@code cancelReason} of those is an English sentence for raw readers).
 */
public enum CancelCause {
    /** Cancelled by the orderer with the reason they gave. */
    REQUESTED,
    /** Withdrawn by the orderer while still pending (never sent). */
    WITHDRAWN,
    /** Replaced by a revision ({@code replacedBy} names it). */
    REPLACED,
    /** Returned to the prescriber by the department that verifies it (a pharmacist), with the reason they gave. */
    RETURNED
}
