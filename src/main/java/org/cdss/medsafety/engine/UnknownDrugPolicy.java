package org.cdss.medsafety.engine;

import java.util.List;
import org.cdss.medsafety.AlertType;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.medsafety.Severity;

/**
 * Fail-safe: a drug the knowledge base does not know (or a name that matches several ingredients) and an allergy
 * that cannot be coded are reported as INCOMPLETE, never passed silently.
 */
final class UnknownDrugPolicy implements SafetyPolicy {

    static final String SOURCE = "CDSS";

    @Override
    public void evaluate(CheckContext c, Findings findings) {
        for (var drugs : List.of(c.proposed(), c.active())) {
            for (CheckContext.Drug d : drugs) {
                if (d.known()) {
                    continue;
                }
                boolean ambiguous = d.id() == KnowledgeBase.AMBIGUOUS;
                findings.add(new SafetyAlert(
                        AlertType.INCOMPLETE,
                        Severity.MAJOR,
                        Severity.MAJOR.tier(),
                        List.of(d.involved()),
                        (ambiguous
                                        ? "\"" + d.given() + "\" matches several ingredients"
                                        : "\"" + d.given() + "\" is not in the medication knowledge base")
                                + ": its interactions, allergies, duplicates and dose were NOT checked.",
                        ambiguous
                                ? "Choose the exact ingredient or product from the drug search."
                                : "Choose the drug from the drug search, or check this drug manually with a pharmacist.",
                        SOURCE,
                        "CDSS fail-safe rule (issue 4)",
                        ambiguous ? "INCOMPLETE-AMBIGUOUS-DRUG" : "INCOMPLETE-UNKNOWN-DRUG",
                        List.of(),
                        c.version()));
            }
        }
        for (CheckContext.Allergy a : c.allergies()) {
            if (!a.coded()) {
                findings.add(new SafetyAlert(
                        AlertType.INCOMPLETE,
                        Severity.MAJOR,
                        Severity.MAJOR.tier(),
                        List.of(a.involved()),
                        "The allergy \"" + a.label() + "\" could not be coded: the proposed drugs were NOT checked "
                                + "against it.",
                        "Record the allergy as a coded ingredient or allergen class, or verify it manually.",
                        SOURCE,
                        "CDSS fail-safe rule (issue 4)",
                        "INCOMPLETE-UNCODED-ALLERGY",
                        List.of(),
                        c.version()));
            }
        }
    }
}
