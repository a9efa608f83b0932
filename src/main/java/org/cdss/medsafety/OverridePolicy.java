package org.cdss.medsafety;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cdss.shared.DomainException;

/**
 * The one rule for "does this alert block, and what does an override need" (issue 10 item 8, ADR 0005). It is
 * computed here and nowhere else: orders' send gate, {@link MedicationSafety#decide}, the CDS Hooks cards and
 * feedback, and the UI (which reads {@link SafetyAlert#override()} from the API) all follow it.
 * <ul>
 * <li>HARD_STOP (contraindicated): blocks; a coded reason and, whatever the reason, a comment.</li>
 * <li>INTERRUPTIVE (major): blocks; a coded reason, and a comment when the reason is OTHER.</li>
 * <li>INCOMPLETE (something could not be checked: unknown drug, un-codable allergy, a child's dose without weight, an
 * incomparable unit, knowledge base unavailable), whatever its tier: blocks until the prescriber explicitly
 * acknowledges that the check is incomplete; no reason is asked for (there is no alert to disagree with), the
 * acknowledgement is recorded. Never a silent pass.</li>
 * <li>SHOWN (moderate): shown, does not block; a reason may be given.</li>
 * <li>INFORMATIONAL (minor, info): listed only.</li>
 * </ul>
 * The CDS Hooks card indicator follows the same table ({@link #indicator}): hard stop critical, interruptive, shown
 * and incomplete warning, informational info.
 */
public final class OverridePolicy {

    /** The reason code recorded with an order for an acknowledged incomplete check (not a coded override reason). */
    public static final String INCOMPLETE_ACKNOWLEDGED = "INCOMPLETE_ACKNOWLEDGED";

    private static final List<OverrideReason> ALL = List.of(OverrideReason.values());

    private OverridePolicy() {}

    /** The requirement of an alert of this type and tier (the severity acts only through its tier). */
    public static OverrideRequirement requirement(AlertType type, AlertTier tier) {
        if (type == AlertType.INCOMPLETE) {
            return new OverrideRequirement(true, true, false, List.of(), List.of());
        }
        return switch (tier) {
            case HARD_STOP -> new OverrideRequirement(true, false, true, ALL, ALL);
            case INTERRUPTIVE -> new OverrideRequirement(true, false, true, ALL, List.of(OverrideReason.OTHER));
            case SHOWN -> new OverrideRequirement(false, false, false, ALL, List.of(OverrideReason.OTHER));
            case INFORMATIONAL -> new OverrideRequirement(false, false, false, List.of(), List.of());
        };
    }

    /**
     * The CDS Hooks card indicator of an alert of this type and tier (issue 14 item 10, ADR 0009): a hard stop
     * (contraindicated) is {@code critical}; an interruptive (major) alert, a shown (moderate) one, which needs no
     * reason, and an incomplete check are {@code warning}; informational (minor, info) is {@code info}.
     */
    public static String indicator(AlertType type, AlertTier tier) {
        if (type == AlertType.INCOMPLETE) {
            return "warning";
        }
        return switch (tier) {
            case HARD_STOP -> "critical";
            case INTERRUPTIVE, SHOWN -> "warning";
            case INFORMATIONAL -> "info";
        };
    }

    public static String indicator(SafetyAlert alert) {
        return indicator(alert.type(), alert.tier());
    }

    public static OverrideRequirement requirement(SafetyAlert alert) {
        return requirement(alert.type(), alert.tier());
    }

    /** Whether the alert stops an order from being sent until overridden or acknowledged. */
    public static boolean blocks(SafetyAlert alert) {
        return requirement(alert).blocking();
    }

    /** What an override of alerts with these requirements lacks. */
    public enum Missing {
        REASON,
        COMMENT,
        ACKNOWLEDGEMENT
    }

    /**
     * What is missing for going on despite alerts with these requirements with this reason, comment and
     * acknowledgement; empty when the override is complete.
     */
    public static Set<Missing> missing(
            Collection<OverrideRequirement> requirements, OverrideReason reason, String comment, boolean acknowledged) {
        Set<Missing> missing = EnumSet.noneOf(Missing.class);
        boolean noComment = comment == null || comment.isBlank();
        for (OverrideRequirement r : requirements) {
            if (r.reasonRequired() && reason == null) {
                missing.add(Missing.REASON);
            }
            if (r.commentRequired(reason) && noComment) {
                missing.add(Missing.COMMENT);
            }
            if (r.acknowledgementRequired() && !acknowledged) {
                missing.add(Missing.ACKNOWLEDGEMENT);
            }
        }
        return missing;
    }

    /** Where in a request the reason, the comment and the acknowledgement are, for the problem's {@code errors}. */
    public record Pointers(String reason, String comment, String acknowledgement) {

        public Pointers prefixed(String prefix) {
            return new Pointers(prefix + reason, prefix + comment, prefix + acknowledgement);
        }
    }

    /**
     * Refuses (422, a {@link MedsafetyProblem} code naming the first thing missing, one {@code errors} entry per
     * missing field) an override that does not satisfy the requirements of these alerts.
     */
    public static void enforce(
            Collection<OverrideRequirement> requirements,
            OverrideReason reason,
            String comment,
            boolean acknowledged,
            Pointers at) {
        Set<Missing> missing = missing(requirements, reason, comment, acknowledged);
        if (missing.isEmpty()) {
            return;
        }
        List<DomainException.FieldProblem> problems = new ArrayList<>();
        MedsafetyProblem first = null;
        for (Missing m : missing) {
            MedsafetyProblem problem = switch (m) {
                case REASON -> MedsafetyProblem.OVERRIDE_REASON_REQUIRED;
                case COMMENT -> MedsafetyProblem.OVERRIDE_COMMENT_REQUIRED;
                case ACKNOWLEDGEMENT -> MedsafetyProblem.INCOMPLETE_ACKNOWLEDGEMENT_REQUIRED;
            };
            String pointer = switch (m) {
                case REASON -> at.reason();
                case COMMENT -> at.comment();
                case ACKNOWLEDGEMENT -> at.acknowledgement();
            };
            problems.add(new DomainException.FieldProblem(pointer, "problem." + problem.code() + ".detail"));
            first = first == null ? problem : first;
        }
        throw new DomainException(first, null, problems);
    }

    /** {@link #enforce} for alerts. */
    public static void enforceFor(
            Collection<SafetyAlert> alerts, OverrideReason reason, String comment, boolean acknowledged, Pointers at) {
        enforce(alerts.stream().map(OverridePolicy::requirement).toList(), reason, comment, acknowledged, at);
    }
}
