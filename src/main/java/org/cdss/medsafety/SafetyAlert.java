package org.cdss.medsafety;

import java.util.List;

/**
 * One finding of a medication check: what kind, how severe and how it must be handled, which drugs, what happens,
 * what to do, and the evidence (source, citation, rule id, related rules of other sources, KB version).
 */
public record SafetyAlert(AlertType type, Severity severity, AlertTier tier, List<InvolvedDrug> drugs,
        String whatHappens, String whatToDo, String source, String citation, String ruleId,
        List<String> relatedRuleIds, String kbVersion) {

    public SafetyAlert {
        drugs = List.copyOf(drugs);
        relatedRuleIds = relatedRuleIds == null ? List.of() : List.copyOf(relatedRuleIds);
    }
}
