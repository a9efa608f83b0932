package org.cdss.medsafety;

import java.util.List;

/**
 * Override analytics of one rule: how often its alert was shown and overridden, the override rate (0–1), the three
 * most frequent reasons, and whether it is flagged for review (rate above {@value #FLAG_RATE} over at least
 * {@value #FLAG_MIN_SHOWN} alerts shown). {@code drugs}: the names of the drugs a pair rule's id names (DrugBank ids
 * in the id), so that a screen names the rule by its drugs and keeps the id for a tooltip (issue 15); empty for the
 * other rules.
 */
public record OverrideStat(
        String ruleId,
        String alertType,
        String severity,
        long timesShown,
        long timesOverridden,
        double overrideRate,
        List<ReasonCount> topReasons,
        boolean flagged,
        List<String> drugs) {

    public static final double FLAG_RATE = 0.9;
    public static final int FLAG_MIN_SHOWN = 20;

    public OverrideStat {
        topReasons = List.copyOf(topReasons);
        drugs = drugs == null ? List.of() : List.copyOf(drugs);
    }

    /** How many overrides gave this reason. */
    public record ReasonCount(String reasonCode, long count) {}
}
