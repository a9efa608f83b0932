package org.cdss.medsafety;

/**
 * A drug an alert is about: its DrugBank accession (null when unknown), display name, and role ({@code PROPOSED},
 * {@code ACTIVE} or {@code ALLERGY}).
 */
public record InvolvedDrug(String id, String name, String role) {}
