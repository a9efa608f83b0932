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
 * severe finding per allergy and drug is reported, the other rules that matched are listed as related.
 */
final class AllergyPolicy implements SafetyPolicy {

    static final String SOURCE = "CDSS-ALLERGY";

    @Override
    public void evaluate(CheckContext c, List<SafetyAlert> findings) {
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

    private static void check(CheckContext c, CheckContext.Allergy allergy, CheckContext.Drug drug,
            List<SafetyAlert> findings) {
        int d = drug.id();
        Severity severity = null;
        String ruleId = null;
        String what = null;
        String todo = null;
        String citation = null;
        List<String> related = new ArrayList<>();
        if (allergy.ingredient() != null && allergy.ingredient() == d) {
            severity = Severity.CONTRAINDICATED;
            ruleId = "ALG-SAME-INGREDIENT";
            what = "The patient is allergic to " + drug.name() + " itself.";
            todo = "Do not give. Choose a drug of another class.";
            citation = "Khan DA et al. Drug allergy: A 2022 practice parameter update. J Allergy Clin Immunol "
                    + "2022;150:1333-93";
        } else if (allergy.group() != null && allergy.members().contains(d)) {
            severity = Severity.MAJOR;
            ruleId = "ALG-SAME-CLASS";
            what = drug.name() + " belongs to the allergen class the patient is allergic to (" + allergy.label()
                    + ").";
            todo = "Avoid unless an allergist has cleared this drug; record the reason if you proceed.";
            citation = "Khan DA et al. Drug allergy: A 2022 practice parameter update. J Allergy Clin Immunol "
                    + "2022;150:1333-93";
        }
        for (KnowledgeBase.AllergyRule rule : c.kb().allergyRules()) {
            if (allergy.ingredient() != null && allergy.ingredient() == d) {
                break;
            }
            if (!c.kb().group(rule.drugGroup()).contains(d) || !intersects(allergy, c.kb(), rule.allergenGroup())) {
                continue;
            }
            if (severity == null || rule.severity().compareTo(severity) < 0) {
                if (ruleId != null) {
                    related.add(ruleId);
                }
                severity = rule.severity();
                ruleId = rule.id();
                what = rule.whatHappens();
                todo = rule.whatToDo();
                citation = rule.citation();
            } else {
                related.add(rule.id());
            }
        }
        if (severity != null) {
            related.sort(null);
            findings.add(new SafetyAlert(AlertType.ALLERGY, severity, severity.tier(),
                    List.of(drug.involved(), allergy.involved()), what, todo, SOURCE, citation, ruleId, related,
                    c.version()));
        }
    }

    private static boolean intersects(CheckContext.Allergy allergy, KnowledgeBase kb, String group) {
        for (int member : allergy.members()) {
            if (kb.group(group).contains(member)) {
                return true;
            }
        }
        return false;
    }
}
