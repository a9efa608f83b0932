package org.cdss.medsafety.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cdss.medsafety.AlertType;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.medsafety.Severity;
import org.cdss.medsafety.SourceGrading;

/**
 * The interaction rules of one pair of ingredients with what an alert for the pair says, worked out once at KB load
 * so that a check only references it: the reported rule ({@link #top}: the most severe of any source; ties: ONC high
 * priority, ANSM, NDF-RT, ONC non-interruptive), the other rules as related ids (sorted), the citation, and
 * {@link #rank}, a number that orders the pairs' reported rule ids as {@link String#compareTo} does, which lets a
 * check sort its alerts by primitive keys.
 *
 * <p>The alert itself (an immutable record) is memoised per pair for drugs named by their KB display names, in four
 * variants: which drug is named first (the proposed one), and whether the other is proposed or active. It is built on
 * the pair's first alert rather than at load: the alerts of all 30 000 pairs would take tens of MB of heap for pairs
 * that mostly never meet. A racy single check: the record's fields are final, so a thread sees null (and builds an
 * equal alert again) or the complete alert.
 */
final class PairRules {

    private static final String ACTIVE = "ACTIVE";
    private static final Map<String, Integer> SOURCE_PRIORITY =
            Map.of("ONC-HIGH", 0, "ANSM", 1, "NDF-RT", 2, "ONC-NONINT", 3, KnowledgeBase.OVERLAY, 4);

    private final KnowledgeBase.InteractionRule[] rules;
    private final KnowledgeBase.InteractionRule top;
    private final List<String> related;
    private final String citation;
    private final String kbVersion;
    int rank; // set once by PairIndex while the KB loads, before the KB is published
    private List<SourceGrading> sources; // built on the pair's first alert, like the alerts
    private SafetyAlert lowFirstProposed;
    private SafetyAlert lowFirstActive;
    private SafetyAlert highFirstProposed;
    private SafetyAlert highFirstActive;

    /** {@code sourceCitation}: the citation of a source ({@code kb.properties}); {@code kbVersion}: the KB's. */
    PairRules(KnowledgeBase.InteractionRule[] rules, Function<String, String> sourceCitation, String kbVersion) {
        this.rules = rules;
        this.kbVersion = kbVersion;
        KnowledgeBase.InteractionRule best = rules[0];
        for (KnowledgeBase.InteractionRule r : rules) {
            if (stronger(r, best)) {
                best = r;
            }
        }
        top = best;
        if (rules.length > 1) {
            List<String> others = new ArrayList<>(rules.length - 1);
            for (KnowledgeBase.InteractionRule r : rules) {
                if (r != best) {
                    others.add(r.id());
                }
            }
            others.sort(null);
            related = List.copyOf(others);
        } else {
            related = List.of();
        }
        String ofSource = sourceCitation.apply(best.source());
        citation = best.citation().isEmpty() ? ofSource : ofSource + " " + best.citation(); // shared when alone
    }

    KnowledgeBase.InteractionRule[] rules() {
        return rules;
    }

    KnowledgeBase.InteractionRule top() {
        return top;
    }

    List<String> related() {
        return related;
    }

    String citation() {
        return citation;
    }

    int rank() {
        return rank;
    }

    /**
     * Every source's grading of the pair, most severe first (ties: ONC high priority, ANSM, NDF-RT, ONC
     * non-interruptive), so the first is {@link #top}: what an alert shows beside its one severity (issue 14 item 3).
     * Built once per pair and shared (an immutable list; the same racy single check as the alerts).
     */
    List<SourceGrading> sources() {
        List<SourceGrading> list = sources;
        if (list == null) {
            KnowledgeBase.InteractionRule[] sorted = rules.clone();
            java.util.Arrays.sort(
                    sorted, (x, y) -> stronger(x, y) ? -1 : stronger(y, x) ? 1 : x.id().compareTo(y.id()));
            SourceGrading[] out = new SourceGrading[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                KnowledgeBase.InteractionRule r = sorted[i];
                String text = r.description().contains("[VA Drug Interaction]") ? "" : r.description();
                out[i] = new SourceGrading(r.source(), r.sourceSeverity(), r.severity(), r.id(), text);
            }
            list = List.of(out);
            sources = list;
        }
        return list;
    }

    /** The alert for proposed drug {@code a} with drug {@code b} (proposed or active): memoised when both are plain. */
    SafetyAlert alert(CheckContext.Drug a, CheckContext.Drug b) {
        if (!a.plain() || !b.plain()) {
            return build(a, b);
        }
        boolean lowFirst = a.id() < b.id();
        boolean active = ACTIVE.equals(b.role());
        SafetyAlert alert =
                lowFirst ? (active ? lowFirstActive : lowFirstProposed) : active ? highFirstActive : highFirstProposed;
        if (alert == null) {
            alert = build(a, b);
            if (lowFirst) {
                if (active) {
                    lowFirstActive = alert;
                } else {
                    lowFirstProposed = alert;
                }
            } else if (active) {
                highFirstActive = alert;
            } else {
                highFirstProposed = alert;
            }
        }
        return alert;
    }

    private SafetyAlert build(CheckContext.Drug a, CheckContext.Drug b) {
        return new SafetyAlert(
                AlertType.INTERACTION,
                top.severity(),
                top.severity().tier(),
                List.of(a.involved(), b.involved()),
                whatHappens(top, a.name(), b.name()),
                whatToDo(top.severity()),
                top.source(),
                citation,
                top.id(),
                related,
                sources(),
                kbVersion,
                null);
    }

    static String whatToDo(Severity severity) {
        return switch (severity) {
            case CONTRAINDICATED ->
                "Do not combine. Choose an alternative; proceeding needs a coded override " + "reason and a note.";
            case MAJOR ->
                "Avoid the combination if possible; if it is needed, monitor closely and record the " + "reason.";
            case MODERATE -> "Use with caution: adjust the dose or monitor as appropriate.";
            case MINOR, INFO -> "Take into account; usually no action is needed.";
        };
    }

    /** "A + B: high-priority interaction (…). Description Mechanism: …" */
    private static String whatHappens(KnowledgeBase.InteractionRule r, String first, String second) {
        StringBuilder text = new StringBuilder(first.length()
                        + second.length()
                        + r.description().length()
                        + r.mechanism().length()
                        + 96)
                .append(first)
                .append(" + ")
                .append(second)
                .append(": ");
        text.append(
                switch (r.source()) {
                    case "ONC-HIGH" -> "high-priority interaction (ONC list: never or rarely combine)";
                    case "ONC-NONINT" -> "interaction of low clinical significance (ONC non-interruptive list)";
                    case "NDF-RT" -> "interaction (VA NDF-RT, " + r.sourceSeverity() + ")";
                    case KnowledgeBase.OVERLAY -> "clinically important interaction (label or published list)";
                    default -> "interaction (ANSM thesaurus, " + r.sourceSeverity() + ")";
                });
        if (!r.description().isEmpty() && !r.description().contains("[VA Drug Interaction]")) {
            text.append(". ").append(r.description());
        }
        if (!r.mechanism().isEmpty()) {
            text.append(" Mechanism: ").append(r.mechanism());
        }
        return text.toString();
    }

    private static boolean stronger(KnowledgeBase.InteractionRule r, KnowledgeBase.InteractionRule than) {
        int bySeverity = r.severity().compareTo(than.severity());
        if (bySeverity != 0) {
            return bySeverity < 0;
        }
        return SOURCE_PRIORITY.getOrDefault(r.source(), 9) < SOURCE_PRIORITY.getOrDefault(than.source(), 9);
    }
}
