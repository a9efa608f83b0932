package org.cdss.orders;

import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;

/**
 * Sending was refused by blocking medication-safety alerts (422 with {@code findings}). The transaction still
 * commits, so the alert log keeps what the prescriber was shown.
 */
class SafetyBlocked extends DomainException {

    SafetyBlocked() {
        super(ProblemCode.BUSINESS_RULE, "order.safety-blocked");
    }
}
