package org.cdss.medsafety;

import java.util.List;
import java.util.Map;
import org.cdss.shared.PageView;

/**
 * One ingredient of the knowledge base as the KB browser shows it: names (English, ANSM French, Korean when an
 * orderable product has one), DrugBank accession, ATC code when a curated product has one, the orderable product
 * with its adult dose limits (null when not orderable), the ANSM classes and curated allergy and duplicate-therapy
 * groups it belongs to, its interaction count by severity and one page of its interactions, most severe first.
 */
public record KbIngredient(
        String id,
        String nameEn,
        String nameFr,
        String nameKo,
        String atc,
        KbProduct product,
        List<String> ansmClasses,
        List<String> allergyGroups,
        List<String> duplicateGroups,
        Map<Severity, Integer> interactionCounts,
        PageView<KbInteraction> interactions) {

    public KbIngredient {
        ansmClasses = List.copyOf(ansmClasses);
        allergyGroups = List.copyOf(allergyGroups);
        duplicateGroups = List.copyOf(duplicateGroups);
        interactionCounts = Map.copyOf(interactionCounts);
    }

    /** The orderable product: brand examples, strength, form, route and the labelled adult maxima with their source. */
    public record KbProduct(
            String brands,
            String strength,
            String form,
            String route,
            Double maxSingleDose,
            Double maxDailyDose,
            String doseUnit,
            String doseSource) {}

    /**
     * One interaction rule with the other ingredient ({@code partnerId}, {@code partnerName}): severity on the CDSS
     * scale (ADR 0005), the source and its own severity code, mechanism and description as the source words them,
     * and the citation (the source's reference plus the rule's own, when it has one).
     */
    public record KbInteraction(
            String ruleId,
            String partnerId,
            String partnerName,
            Severity severity,
            String source,
            String sourceSeverity,
            String mechanism,
            String description,
            String citation) {}
}
