package org.cdss.medsafety.engine;

import java.util.ArrayList;
import java.util.List;
import org.cdss.medsafety.AlertType;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.medsafety.Severity;

/**
 * Drug-allergy checks of each proposed drug against each coded allergy: the same ingredient is contraindicated; a
 * drug of a recorded allergen class is at least major; the cross-sensitivity rules of
 * {@code allergy-cross-sensitivity.tsv} (2022 AAAAI/ACAAI practice parameter) add or raise the rest. The most
 * severe finding per allergy and drug is reported, the other rules that matched are listed as related. Where the
 * allergy record says what the reaction was, a real cross-reactivity (moderate or above) is graded by it
 * ({@link AllergyReaction}: anaphylaxis/SJS/TEN a hard stop, a rash interruptive, an intolerance informational).
 */
final class AllergyPolicy implements SafetyPolicy {

    static final String SOURCE = "CDSS-ALLERGY";
    private static final String SAME_CLASS = "ALG-SAME-CLASS";
    private static final String PRACTICE_PARAMETER = "Khan DA et al. Drug allergy: A 2022 practice parameter "
            + "update. J Allergy Clin Immunol 2022;150:1333-93";

    @Override
    public void evaluate(CheckContext c, Findings findings) {
        for (CheckContext.Allergy allergy : c.allergies()) {
            if (!allergy.coded()) {
                continue;
            }
            for (CheckContext.Drug drug : c.proposed()) {
                if (drug.known()) {
                    check(c, allergy, drug, findings);
                }
            }
        }
    }

    private static void check(CheckContext c, CheckContext.Allergy allergy, CheckContext.Drug drug, Findings findings) {
        int d = drug.id();
        AllergyReaction reaction = allergy.reaction();
        if (allergy.ingredient() != null && allergy.ingredient() == d) {
            Severity severity = reaction.grade(Severity.CONTRAINDICATED);
            findings.add(new SafetyAlert(
                    AlertType.ALLERGY,
                    severity,
                    severity.tier(),
                    List.of(drug.involved(), allergy.involved()),
                    "The patient is allergic to " + drug.name() + " itself." + reaction.note(Severity.CONTRAINDICATED),
                    "Do not give. Choose a drug of another class.",
                    SOURCE,
                    PRACTICE_PARAMETER,
                    "ALG-SAME-INGREDIENT",
                    List.of(),
                    c.version()));
            return;
        }
        // Rules are pre-filtered by drug at KB load; bit sets say whether the allergy reaches the allergen group.
        boolean sameClass = allergy.groupBit() >= 0 && c.kb().groupsOf(d).get(allergy.groupBit());
        KnowledgeBase.AllergyRule top = null;
        List<String> related = null;
        for (KnowledgeBase.AllergyRule rule : c.kb().allergyRulesFor(d)) {
            if (!allergy.groups().get(rule.allergenBit())) {
                continue;
            }
            if (related == null) {
                related = new ArrayList<>();
            }
            Severity current = top != null ? top.severity() : sameClass ? Severity.MAJOR : null;
            // a curated rule as severe as the generic same-group alert wins over it: its advice is the class's own
            // (a contrast medium: premedicate or change agent, not "choose another class")
            boolean beatsGeneric = top == null && sameClass && rule.severity() == Severity.MAJOR;
            if (current == null || rule.severity().compareTo(current) < 0 || beatsGeneric) {
                if (top != null) {
                    related.add(top.id());
                } else if (sameClass) {
                    related.add(SAME_CLASS);
                }
                top = rule;
            } else {
                related.add(rule.id());
            }
        }
        if (top == null && !sameClass) {
            return;
        }
        List<String> relatedIds = List.of(); // an immutable list cannot be sorted, even when empty
        if (related != null) {
            related.sort(null);
            relatedIds = related;
        }
        if (top == null) {
            Severity severity = reaction.grade(Severity.MAJOR);
            findings.add(new SafetyAlert(
                    AlertType.ALLERGY,
                    severity,
                    severity.tier(),
                    List.of(drug.involved(), allergy.involved()),
                    drug.name() + " belongs to the allergen class the " + "patient is allergic to (" + allergy.label()
                            + ")." + reaction.note(Severity.MAJOR),
                    "Avoid unless an allergist has cleared this drug; record the reason if you proceed.",
                    SOURCE,
                    PRACTICE_PARAMETER,
                    SAME_CLASS,
                    relatedIds,
                    c.version()));
        } else {
            Severity severity = reaction.grade(top.severity());
            findings.add(new SafetyAlert(
                    AlertType.ALLERGY,
                    severity,
                    severity.tier(),
                    List.of(drug.involved(), allergy.involved()),
                    reaction == AllergyReaction.UNKNOWN
                            ? top.whatHappens()
                            : top.whatHappens() + reaction.note(top.severity()),
                    top.whatToDo(),
                    SOURCE,
                    top.citation(),
                    top.id(),
                    relatedIds,
                    c.version()));
        }
    }
}
