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
    public void evaluate(CheckContext c, Findings findings) {
        PairSet seen = c.repeats() ? PairSet.forCheck(c) : null;
        List<CheckContext.Drug> proposed = c.proposed();
        List<CheckContext.Drug> active = c.active();
        for (int i = 0; i < proposed.size(); i++) {
            CheckContext.Drug a = proposed.get(i);
            if (!a.known()) {
                continue;
            }
            BitSet ruleBits = c.kb().duplicateRuleBits(a.id());
            if (ruleBits.isEmpty() && !c.repeats()) {
                continue; // no group rule of a can match, and without repeats no partner is a itself (most drugs)
            }
            for (int j = i + 1; j < proposed.size(); j++) {
                check(c, a, ruleBits, proposed.get(j), seen, findings);
            }
            for (int j = 0; j < active.size(); j++) {
                check(c, a, ruleBits, active.get(j), seen, findings);
            }
        }
    }

    /** {@code ruleBits}: {@link KnowledgeBase#duplicateRuleBits} of {@code a}. */
    private static void check(
            CheckContext c,
            CheckContext.Drug a,
            BitSet ruleBits,
            CheckContext.Drug b,
            PairSet seen,
            Findings findings) {
        if (a.sameProduct(b) || !b.known() || (seen != null && !seen.add(KnowledgeBase.pair(a.id(), b.id())))) {
            return;
        }
        if (a.id() == b.id()) {
            findings.add(new SafetyAlert(
                    AlertType.DUPLICATE,
                    Severity.MAJOR,
                    Severity.MAJOR.tier(),
                    List.of(a.involved(), b.involved()),
                    a.name() + " is ordered twice"
                            + ("ACTIVE".equals(b.role()) ? " (the patient already takes it)" : "")
                            + ": risk of double dosing.",
                    "Keep one order; if this replaces the current one, stop the other.",
                    SOURCE,
                    "ISMP Guidelines for Safe Electronic Communication of Medication Information 2019 "
                            + "(therapeutic duplication)",
                    "DUP-SAME-INGREDIENT",
                    List.of(),
                    c.version()));
            return;
        }
        BitSet groupsOfB = c.kb().groupsOf(b.id());
        if (!ruleBits.intersects(groupsOfB)) {
            return; // no rule of a's groups has b in its group (most pairs)
        }
        KnowledgeBase.DuplicateRule top = null;
        List<String> related = null;
        for (KnowledgeBase.DuplicateRule rule : c.kb().duplicateRules(a.id())) {
            if (!groupsOfB.get(rule.groupBit())) {
                continue;
            }
            if (top == null || rule.severity().compareTo(top.severity()) < 0) {
                if (top != null) {
                    related = add(related, top.id());
                }
                top = rule;
            } else if (!rule.id().equals(top.id())) {
                related = add(related, rule.id());
            }
        }
        if (top != null) {
            findings.add(new SafetyAlert(
                    AlertType.DUPLICATE,
                    top.severity(),
                    top.severity().tier(),
                    List.of(a.involved(), b.involved()),
                    a.name() + " + " + b.name() + ": " + top.whatHappens(),
                    top.whatToDo(),
                    SOURCE,
                    top.citation(),
                    top.id(),
                    related,
                    c.version()));
        }
    }

    private static List<String> add(List<String> list, String id) {
        List<String> to = list != null ? list : new ArrayList<>(2);
        to.add(id);
        return to;
    }
}
