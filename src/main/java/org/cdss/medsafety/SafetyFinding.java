package org.cdss.medsafety;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * One blocking alert as a refused order send names it (the {@code findings} of the 422): the rule, its kind,
 * severity and tier, the drugs by name only (no patient data), the advice and source, and what an override needs
 * ({@link OverridePolicy}).
 */
public record SafetyFinding(
        String ruleId,
        AlertType type,
        Severity severity,
        AlertTier tier,
        List<String> drugs,
        String whatHappens,
        String whatToDo,
        String source,
        OverrideRequirement override,
        @JsonIgnore SourceGrading effectSource) {

    public SafetyFinding {
        drugs = List.copyOf(drugs);
    }

    public static SafetyFinding of(SafetyAlert a) {
        return new SafetyFinding(
                a.ruleId(),
                a.type(),
                a.severity(),
                a.tier(),
                a.drugs().stream().map(InvolvedDrug::name).toList(),
                a.whatHappens(),
                a.whatToDo(),
                a.source(),
                OverridePolicy.requirement(a),
                AlertText.effectSource(a.sources()));
    }

    /** The finding in one sentence in the reader's language, as {@link SafetyAlert#summary()}. */
    @JsonProperty("summary")
    public String summary() {
        return AlertText.summary(type, severity, drugs, LocaleContextHolder.getLocale());
    }

    /** The effect in the reader's language, as {@link SafetyAlert#effect()}. */
    @JsonProperty("effect")
    public String effect() {
        return effectSource == null
                ? null
                : AlertText.effect(effectSource.source(), effectSource.text(), LocaleContextHolder.getLocale());
    }
}
