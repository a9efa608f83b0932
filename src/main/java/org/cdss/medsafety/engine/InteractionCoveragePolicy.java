package org.cdss.medsafety.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdss.medsafety.AlertType;
import org.cdss.medsafety.InvolvedDrug;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.medsafety.Severity;

/**
 * Fail-safe for the interaction check (ADR 0061): a known drug that no interaction source of the knowledge base
 * covers (no rule names it, its moiety or a form of it: edoxaban, gabapentin, cefazolin in today's sources) cannot be
 * checked against the other drugs, and "no interaction found" would be a false reassurance. When such a drug is in a
 * pair the check would look up (new × new, new × active), one INCOMPLETE alert names every such drug of the check; a
 * drug alone (nothing to pair it with) raises nothing.
 */
final class InteractionCoveragePolicy implements SafetyPolicy {

    static final String RULE_ID = "INCOMPLETE-NOT-SCREENED";

    @Override
    public void evaluate(CheckContext c, Findings findings) {
        Map<Integer, CheckContext.Drug> unscreened = new LinkedHashMap<>();
        List<CheckContext.Drug> proposed = c.proposed();
        for (int i = 0; i < proposed.size(); i++) {
            CheckContext.Drug a = proposed.get(i);
            for (int j = i + 1; j < proposed.size(); j++) {
                pair(c, a, proposed.get(j), unscreened);
            }
            for (CheckContext.Drug b : c.active()) {
                pair(c, a, b, unscreened);
            }
        }
        if (unscreened.isEmpty()) {
            return;
        }
        List<InvolvedDrug> involved = new ArrayList<>(unscreened.size());
        List<String> names = new ArrayList<>(unscreened.size());
        for (CheckContext.Drug d : unscreened.values()) {
            involved.add(d.involved());
            names.add(d.name());
        }
        findings.add(new SafetyAlert(
                AlertType.INCOMPLETE,
                Severity.MODERATE,
                Severity.MODERATE.tier(),
                involved,
                "Not covered by the interaction sources of this knowledge base (" + String.join(", ", c.kb().sources())
                        + "): " + String.join(", ", names) + ". "
                        + (names.size() == 1 ? "Its" : "Their")
                        + " interactions with the other drugs of this order were NOT checked.",
                "Check the interactions in the product label or with a pharmacist.",
                UnknownDrugPolicy.SOURCE,
                "CDSS fail-safe rule (issue 4; ADR 0061)",
                RULE_ID,
                List.of(),
                c.version()));
    }

    private static void pair(
            CheckContext c, CheckContext.Drug a, CheckContext.Drug b, Map<Integer, CheckContext.Drug> unscreened) {
        if (!a.known() || !b.known() || a.sameProduct(b) || a.id() == b.id()) {
            return;
        }
        for (CheckContext.Drug d : new CheckContext.Drug[] {a, b}) {
            if (!c.kb().screenedForInteractions(d.id())) {
                unscreened.putIfAbsent(d.id(), d);
            }
        }
    }
}
