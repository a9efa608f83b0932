package org.cdss.medsafety;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A drug the prescriber wants to order: a DrugBank accession ({@code ingredientId}, e.g. {@code DB01060}) or a free
 * name (ingredient or product, English, Korean or brand), with the optional dose of one administration, its unit
 * ({@code mg}, {@code g}, {@code mcg}…) and the number of administrations per day.
 */
public record ProposedDrug(
        @Size(max = 20) String ingredientId,
        @Size(max = 200) String name,
        @DecimalMin(value = "0", inclusive = false) Double dose,
        @Size(max = 20) String unit,
        @Min(1) @Max(48) Integer frequencyPerDay) {

    public static ProposedDrug of(String nameOrId) {
        return nameOrId.matches("(?i)DB\\d{5}")
                ? new ProposedDrug(nameOrId, null, null, null, null)
                : new ProposedDrug(null, nameOrId, null, null, null);
    }

    public static ProposedDrug dosed(String nameOrId, double dose, String unit, int frequencyPerDay) {
        ProposedDrug d = of(nameOrId);
        return new ProposedDrug(d.ingredientId(), d.name(), dose, unit, frequencyPerDay);
    }
}
