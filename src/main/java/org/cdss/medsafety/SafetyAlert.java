package org.cdss.medsafety;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * One finding of a medication check: what kind, how severe and how it must be handled, which drugs, what happens,
 * what to do, and the evidence (source, citation, rule id, related rules of other sources, KB version).
 * {@code sources}: for an interaction, every source's grading of the pair, most severe first (the alert's severity is
 * the first one's; ADR 0005); empty for the other types.
 * {@code override} is what going on despite it needs; it is always computed by {@link OverridePolicy} from the type
 * and tier (a value passed in is ignored), so that clients read the rule instead of re-implementing it.
 * {@link #summary()} and {@link #effect()} are the alert in the reader's language (the request's locale;
 * {@link AlertText}, ADR 0032); {@code whatHappens}, {@code whatToDo} and {@code sources} stay the source text.
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

    /** The alert in one sentence in the reader's language: the drugs, the severity, what to do (ADR 0032). */
    @JsonProperty("summary")
    public String summary() {
        return AlertText.summary(
                type, severity, drugs.stream().map(InvolvedDrug::name).toList(), LocaleContextHolder.getLocale());
    }

    /** What the top source says happens, in the reader's language; {@code null} when not curated (ADR 0032). */
    @JsonProperty("effect")
    public String effect() {
        return AlertText.effect(sources, LocaleContextHolder.getLocale());
    }
}
