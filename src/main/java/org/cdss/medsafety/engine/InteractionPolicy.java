package org.cdss.medsafety.engine;

import java.util.List;

/**
 * Drug-drug interactions, new × new and new × active. One alert per pair: the most severe rule of any source (ties:
 * ONC high priority, ANSM, NDF-RT, ONC non-interruptive), with the other sources' rules listed as related. What the
 * alert says about a pair was worked out when the KB loaded, and the alert is shared between checks
 * ({@link PairRules}): a check only looks the pair up.
 */
final class InteractionPolicy implements SafetyPolicy {

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
            for (int j = i + 1; j < proposed.size(); j++) {
                check(c, a, proposed.get(j), seen, findings);
            }
            for (int j = 0; j < active.size(); j++) {
                check(c, a, active.get(j), seen, findings);
            }
        }
    }

    private static void check(
            CheckContext c, CheckContext.Drug a, CheckContext.Drug b, PairSet seen, Findings findings) {
        if (a.sameProduct(b) || !b.known() || a.id() == b.id()) {
            return;
        }
        long key = KnowledgeBase.pair(a.id(), b.id());
        PairRules rules = c.kb().pairRules(key);
        if (rules == null || (seen != null && !seen.add(key))) {
            return;
        }
        findings.add(rules.alert(a, b), rules.rank());
    }
}
