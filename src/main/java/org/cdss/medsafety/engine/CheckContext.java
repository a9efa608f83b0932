package org.cdss.medsafety.engine;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.cdss.medsafety.InvolvedDrug;
import org.cdss.medsafety.ProposedDrug;

/**
 * A request with every drug and allergy resolved against the knowledge base; what the policies look at.
 * {@code repeats}: some ingredient occurs more than once among the proposed and active drugs, so the pair policies
 * must remember the pairs they have reported (without repeats every pair of the check is distinct).
 */
record CheckContext(
        KnowledgeBase kb,
        List<Drug> proposed,
        List<Drug> active,
        List<Allergy> allergies,
        Integer ageYears,
        Double weightKg,
        boolean repeats) {

    static final int UNKNOWN = -2;

    /**
     * A proposed or active drug; {@code id} is {@link #UNKNOWN} or {@link KnowledgeBase#AMBIGUOUS} when unresolved.
     * A component of a combination product has a non-zero {@code product} shared by the product's components.
     * {@code plain}: a known drug named by its KB display name (so alert texts about it can be shared between checks);
     * {@code involved}: how alerts name it, built once per check. {@code id} is the active moiety (ADR 0025), which
     * interactions, classes, groups and allergies are matched on; {@code form} is what was ordered (a salt such as
     * potassium chloride), whose product the dose check reads ({@link #UNKNOWN} for a salt named only by name).
     */
    record Drug(
            int id,
            int form,
            String accession,
            String name,
            String role,
            ProposedDrug order,
            String given,
            int product,
            boolean plain,
            InvolvedDrug involved) {

        Drug(
                int id,
                String accession,
                String name,
                String role,
                ProposedDrug order,
                String given,
                int product,
                boolean plain) {
            this(id, id, accession, name, role, order, given, product, plain);
        }

        Drug(
                int id,
                int form,
                String accession,
                String name,
                String role,
                ProposedDrug order,
                String given,
                int product,
                boolean plain) {
            this(
                    id,
                    form,
                    accession,
                    name,
                    role,
                    order,
                    given,
                    product,
                    plain,
                    new InvolvedDrug(accession, name, role));
        }

        boolean known() {
            return id >= 0;
        }

        /** Two components of the same combination product (not checked against each other). */
        boolean sameProduct(Drug other) {
            return product != 0 && product == other.product;
        }
    }

    /**
     * A recorded allergy: one ingredient, or an allergen group ({@code group} non-null, {@code groupBit} its bit);
     * empty members = uncoded. {@code groups}: every curated group a member belongs to (what it cross-reacts by).
     * {@code reaction}: what the record says the reaction was ({@link AllergyReaction}), which grades the alerts.
     */
    record Allergy(
            Set<Integer> members,
            Integer ingredient,
            String group,
            int groupBit,
            BitSet groups,
            String label,
            AllergyReaction reaction,
            InvolvedDrug involved) {

        Allergy(
                Set<Integer> members,
                Integer ingredient,
                String group,
                int groupBit,
                BitSet groups,
                String label,
                AllergyReaction reaction) {
            this(
                    members,
                    ingredient,
                    group,
                    groupBit,
                    groups,
                    label,
                    reaction,
                    new InvolvedDrug(
                            ingredient != null
                                    ? KnowledgeBase.formatId(ingredient)
                                    : group != null ? "group:" + group : null,
                            label,
                            "ALLERGY"));
        }

        boolean coded() {
            return !members.isEmpty();
        }
    }

    String version() {
        return kb.version();
    }
}
