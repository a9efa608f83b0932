package org.cdss.orders;

import org.cdss.shared.DomainException;

/**
 * Sending was refused by blocking medication-safety alerts ({@code order.safety-blocked}, 422 with {@code checkId}
 * and {@code findings}). The transaction still commits, so the alert log keeps what the prescriber was shown.
 */
class SafetyBlocked extends DomainException {

    SafetyBlocked() {
        super(OrderProblem.SAFETY_BLOCKED, "order.safety-blocked");
    }
}
