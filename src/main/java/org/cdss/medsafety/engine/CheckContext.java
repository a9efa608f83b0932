package org.cdss.medsafety.engine;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.cdss.medsafety.InvolvedDrug;
import org.cdss.medsafety.ProposedDrug;

/** A request with every drug and allergy resolved against the knowledge base; what the policies look at. */
record CheckContext(KnowledgeBase kb, List<Drug> proposed, List<Drug> active, List<Allergy> allergies,
        Integer ageYears, Double weightKg) {

    static final int UNKNOWN = -2;

    /**
     * A proposed or active drug; {@code id} is {@link #UNKNOWN} or {@link KnowledgeBase#AMBIGUOUS} when unresolved.
     * A component of a combination product has a non-zero {@code product} shared by the product's components.
     */
    record Drug(int id, String accession, String name, String role, ProposedDrug order, String given, int product) {
        Drug(int id, String accession, String name, String role, ProposedDrug order, String given) {
            this(id, accession, name, role, order, given, 0);
        }

        boolean known() {
            return id >= 0;
        }

        /** Two components of the same combination product (not checked against each other). */
        boolean sameProduct(Drug other) {
            return product != 0 && product == other.product;
        }

        InvolvedDrug involved() {
            return new InvolvedDrug(accession, name, role);
        }
    }

    /**
     * A recorded allergy: one ingredient, or an allergen group ({@code group} non-null, {@code groupBit} its bit);
     * empty members = uncoded. {@code groups}: every curated group a member belongs to (what it cross-reacts by).
     */
    record Allergy(Set<Integer> members, Integer ingredient, String group, int groupBit, BitSet groups,
            String label) {
        boolean coded() {
            return !members.isEmpty();
        }

        InvolvedDrug involved() {
            return new InvolvedDrug(ingredient != null ? KnowledgeBase.formatId(ingredient)
                    : group != null ? "group:" + group : null, label, "ALLERGY");
        }
    }

    String version() {
        return kb.version();
    }
}
