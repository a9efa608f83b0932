package org.cdss.medsafety.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cdss.medsafety.AlertType;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.medsafety.Severity;

/**
 * Drug-drug interactions, new × new and new × active. One alert per pair: the most severe rule of any source (ties:
 * ONC high priority, ANSM, NDF-RT, ONC non-interruptive), with the other sources' rules listed as related.
 */
final class InteractionPolicy implements SafetyPolicy {

    private static final Map<String, Integer> SOURCE_PRIORITY = Map.of("ONC-HIGH", 0, "ANSM", 1, "NDF-RT", 2,
            "ONC-NONINT", 3);

    @Override
    public void evaluate(CheckContext c, List<SafetyAlert> findings) {
        PairSet seen = PairSet.forCheck(c);
        List<CheckContext.Drug> proposed = c.proposed();
        for (int i = 0; i < proposed.size(); i++) {
            CheckContext.Drug a = proposed.get(i);
            if (!a.known()) {
                continue;
            }
            for (int j = i + 1; j < proposed.size(); j++) {
                check(c, a, proposed.get(j), seen, findings);
            }
            for (CheckContext.Drug b : c.active()) {
                check(c, a, b, seen, findings);
            }
        }
    }

    private static void check(CheckContext c, CheckContext.Drug a, CheckContext.Drug b, PairSet seen,
            List<SafetyAlert> findings) {
        if (a.sameProduct(b) || !b.known() || a.id() == b.id()) {
            return;
        }
        KnowledgeBase.InteractionRule[] rules = c.kb().interactions(a.id(), b.id());
        if (rules == null || !seen.add(KnowledgeBase.pair(a.id(), b.id()))) {
            return;
        }
        KnowledgeBase.InteractionRule top = rules[0];
        for (KnowledgeBase.InteractionRule r : rules) {
            if (stronger(r, top)) {
                top = r;
            }
        }
        List<String> related = List.of();
        if (rules.length > 1) {
            related = new ArrayList<>(rules.length - 1);
            for (KnowledgeBase.InteractionRule r : rules) {
                if (r != top) {
                    related.add(r.id());
                }
            }
            related.sort(null);
        }
        String citation = c.kb().citation(top.source()) + (top.citation().isEmpty() ? "" : " " + top.citation());
        findings.add(new SafetyAlert(AlertType.INTERACTION, top.severity(), top.severity().tier(),
                List.of(a.involved(), b.involved()), whatHappens(top, a, b), whatToDo(top.severity()),
                top.source(), citation, top.id(), related, c.version()));
    }

    private static boolean stronger(KnowledgeBase.InteractionRule r, KnowledgeBase.InteractionRule than) {
        int bySeverity = r.severity().compareTo(than.severity());
        if (bySeverity != 0) {
            return bySeverity < 0;
        }
        return SOURCE_PRIORITY.getOrDefault(r.source(), 9) < SOURCE_PRIORITY.getOrDefault(than.source(), 9);
    }

    private static String whatHappens(KnowledgeBase.InteractionRule r, CheckContext.Drug a, CheckContext.Drug b) {
        StringBuilder text = new StringBuilder(a.name().length() + b.name().length() + r.description().length()
                + r.mechanism().length() + 96).append(a.name()).append(" + ").append(b.name()).append(": ");
        text.append(switch (r.source()) {
            case "ONC-HIGH" -> "high-priority interaction (ONC list: never or rarely combine)";
            case "ONC-NONINT" -> "interaction of low clinical significance (ONC non-interruptive list)";
            case "NDF-RT" -> "interaction (VA NDF-RT, " + r.sourceSeverity() + ")";
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

    static String whatToDo(Severity severity) {
        return switch (severity) {
            case CONTRAINDICATED -> "Do not combine. Choose an alternative; proceeding needs a coded override "
                    + "reason and a note.";
            case MAJOR -> "Avoid the combination if possible; if it is needed, monitor closely and record the "
                    + "reason.";
            case MODERATE -> "Use with caution: adjust the dose or monitor as appropriate.";
            case MINOR, INFO -> "Take into account; usually no action is needed.";
        };
    }
}
