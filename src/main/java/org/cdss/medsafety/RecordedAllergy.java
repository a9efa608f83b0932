package org.cdss.medsafety;

import jakarta.validation.constraints.Size;

/**
 * A recorded drug allergy: coded ({@code allergenId}: a DrugBank accession, or {@code group:PENICILLINS}-style
 * allergen class) or free text ("penicillin", "설파제", "amoxicillin"). Text that cannot be coded makes the check
 * incomplete.
 */
public record RecordedAllergy(
        @Size(max = 60) String allergenId, @Size(max = 200) String text) {

    public static RecordedAllergy coded(String allergenId) {
        return new RecordedAllergy(allergenId, null);
    }

    public static RecordedAllergy freeText(String text) {
        return new RecordedAllergy(null, text);
    }
}
