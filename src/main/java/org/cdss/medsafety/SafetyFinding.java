package org.cdss.medsafety;

import java.util.List;

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
        OverrideRequirement override) {

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
                OverridePolicy.requirement(a));
    }
}
