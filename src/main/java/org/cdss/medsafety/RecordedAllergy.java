package org.cdss.medsafety;

import jakarta.validation.constraints.Size;
import org.cdss.patients.AllergySeverity;
import org.jspecify.annotations.Nullable;

/**
 * A recorded drug allergy: coded ({@code allergenId}: a DrugBank accession, or {@code group:PENICILLINS}-style
 * allergen class) or free text ("penicillin", "설파제", "amoxicillin"). Text that cannot be coded makes the check
 * incomplete. {@code reaction} (free text, "anaphylaxis", "rash", "nausea") and {@code severity} are what the allergy
 * record says about the reaction, when it says it: they grade the allergy alerts (issue 14 item 6, ADR 0005).
 */
public record RecordedAllergy(
        @Size(max = 60) String allergenId,
        @Size(max = 200) String text,
        @Size(max = 500) @Nullable String reaction,
        @Nullable AllergySeverity severity) {

    public RecordedAllergy(String allergenId, String text) {
        this(allergenId, text, null, null);
    }

    public static RecordedAllergy coded(String allergenId) {
        return new RecordedAllergy(allergenId, null);
    }

    public static RecordedAllergy freeText(String text) {
        return new RecordedAllergy(null, text);
    }

    /** The same allergy with what the record says about the reaction. */
    public RecordedAllergy withReaction(@Nullable String reaction, @Nullable AllergySeverity severity) {
        return new RecordedAllergy(allergenId, text, reaction, severity);
    }
}
