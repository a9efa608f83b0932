package org.cdss.medsafety;

/**
 * One hit of the order form's drug search: the ingredient (DrugBank accession) with its English and Korean names
 * and, when it is an orderable product, brand examples, strength, form and route.
 */
public record DrugSuggestion(
        String id,
        String nameEn,
        String nameKo,
        String brands,
        String strength,
        String form,
        String route,
        boolean product) {}
