package org.cdss.orders;

import org.cdss.shared.DomainException;

/**
 * Sending was refused by blocking medication-safety alerts ({@code order.safety-blocked}, 422 with {@code checkId}
 * and {@code findings}). The transaction still commits, so the alert log keeps what the prescriber was shown.
 */
class SafetyBlocked extends DomainException {

    SafetyBlocked() {
        this("order.safety-blocked");
    }

    /** The same refusal, said for another moment (the pharmacist's verification). */
    SafetyBlocked(String messageKey) {
        super(OrderProblem.SAFETY_BLOCKED, messageKey);
    }
}
