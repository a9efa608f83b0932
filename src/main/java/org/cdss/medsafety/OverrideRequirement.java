package org.cdss.medsafety;

import java.util.List;

/**
 * What going on despite one alert needs, as {@link OverridePolicy} decides it; every client (order send, the drug
 * check page, CDS Hooks cards) shows and enforces exactly this. {@code blocking}: an order cannot be sent until the
 * alert is overridden or acknowledged. {@code acknowledgementRequired}: the check is incomplete and the prescriber must
 * say so explicitly. {@code reasonRequired}: a coded reason out of {@code reasons} is needed. {@code reasons}: the
 * coded reasons that may be given (empty: none is asked for). {@code commentRequiredFor}: the reasons that also need
 * free text.
 */
public record OverrideRequirement(
        boolean blocking,
        boolean acknowledgementRequired,
        boolean reasonRequired,
        List<OverrideReason> reasons,
        List<OverrideReason> commentRequiredFor) {

    public OverrideRequirement {
        reasons = List.copyOf(reasons);
        commentRequiredFor = List.copyOf(commentRequiredFor);
    }

    /**
     * Whether overriding with {@code reason} needs a comment; without a reason, whether every reason would (a hard
     * stop), so that a missing reason and a missing comment are reported together.
     */
    public boolean commentRequired(OverrideReason reason) {
        if (reason == null) {
            return reasonRequired && !reasons.isEmpty() && commentRequiredFor.containsAll(reasons);
        }
        return commentRequiredFor.contains(reason);
    }
}
