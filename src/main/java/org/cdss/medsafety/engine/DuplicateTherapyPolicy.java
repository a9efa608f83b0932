package org.cdss.medsafety.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.cdss.medsafety.AlertType;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.medsafety.Severity;

/**
 * Duplicate therapy, new × new and new × active: the same ingredient twice, or two drugs of a group where
 * duplication is a known problem ({@code duplicate-therapy.tsv}).
 */
final class DuplicateTherapyPolicy implements SafetyPolicy {

    static final String SOURCE = "CDSS-DUPLICATE";

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
        if (a.sameProduct(b) || !b.known() || !seen.add(KnowledgeBase.pair(a.id(), b.id()))) {
            return;
        }
        if (a.id() == b.id()) {
            findings.add(new SafetyAlert(AlertType.DUPLICATE, Severity.MAJOR, Severity.MAJOR.tier(),
                    List.of(a.involved(), b.involved()),
                    a.name() + " is ordered twice" + ("ACTIVE".equals(b.role()) ? " (the patient already takes it)"
                            : "") + ": risk of double dosing.",
                    "Keep one order; if this replaces the current one, stop the other.", SOURCE,
                    "ISMP Guidelines for Safe Electronic Communication of Medication Information 2019 "
                            + "(therapeutic duplication)", "DUP-SAME-INGREDIENT", List.of(), c.version()));
            return;
        }
        KnowledgeBase.DuplicateRule top = null;
        List<String> related = new ArrayList<>(0);
        BitSet groupsOfB = c.kb().groupsOf(b.id());
        for (KnowledgeBase.DuplicateRule rule : c.kb().duplicateRules(a.id())) {
            if (!groupsOfB.get(rule.groupBit())) {
                continue;
            }
            if (top == null || rule.severity().compareTo(top.severity()) < 0) {
                if (top != null) {
                    related.add(top.id());
                }
                top = rule;
            } else if (!rule.id().equals(top.id())) {
                related.add(rule.id());
            }
        }
        if (top != null) {
            findings.add(new SafetyAlert(AlertType.DUPLICATE, top.severity(), top.severity().tier(),
                    List.of(a.involved(), b.involved()), a.name() + " + " + b.name() + ": " + top.whatHappens(),
                    top.whatToDo(), SOURCE, top.citation(), top.id(), related, c.version()));
        }
    }
}
