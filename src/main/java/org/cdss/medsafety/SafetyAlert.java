package org.cdss.medsafety;

import java.util.List;

/**
 * One finding of a medication check: what kind, how severe and how it must be handled, which drugs, what happens,
 * what to do, and the evidence (source, citation, rule id, related rules of other sources, KB version).
 * {@code sources}: for an interaction, every source's grading of the pair, most severe first (the alert's severity is
 * the first one's; ADR 0005); empty for the other types.
 * {@code override} is what going on despite it needs; it is always computed by {@link OverridePolicy} from the type
 * and tier (a value passed in is ignored), so that clients read the rule instead of re-implementing it.
 */
public record SafetyAlert(
        AlertType type,
        Severity severity,
        AlertTier tier,
        List<InvolvedDrug> drugs,
        String whatHappens,
        String whatToDo,
        String source,
        String citation,
        String ruleId,
        List<String> relatedRuleIds,
        List<SourceGrading> sources,
        String kbVersion,
        OverrideRequirement override) {

    public SafetyAlert {
        drugs = List.copyOf(drugs);
        relatedRuleIds = relatedRuleIds == null ? List.of() : List.copyOf(relatedRuleIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
        override = OverridePolicy.requirement(type, tier);
    }

    public SafetyAlert(
            AlertType type,
            Severity severity,
            AlertTier tier,
            List<InvolvedDrug> drugs,
            String whatHappens,
            String whatToDo,
            String source,
            String citation,
            String ruleId,
            List<String> relatedRuleIds,
            String kbVersion,
            OverrideRequirement override) {
        this(
                type,
                severity,
                tier,
                drugs,
                whatHappens,
                whatToDo,
                source,
                citation,
                ruleId,
                relatedRuleIds,
                List.of(),
                kbVersion,
                override);
    }

    public SafetyAlert(
            AlertType type,
            Severity severity,
            AlertTier tier,
            List<InvolvedDrug> drugs,
            String whatHappens,
            String whatToDo,
            String source,
            String citation,
            String ruleId,
            List<String> relatedRuleIds,
            String kbVersion) {
        this(
                type,
                severity,
                tier,
                drugs,
                whatHappens,
                whatToDo,
                source,
                citation,
                ruleId,
                relatedRuleIds,
                kbVersion,
                null);
    }
}
