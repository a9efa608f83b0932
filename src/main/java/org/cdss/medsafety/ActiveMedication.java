package org.cdss.medsafety;

import jakarta.validation.constraints.Size;

/** A medication the patient already takes: DrugBank accession or free name (ingredient, product or brand). */
public record ActiveMedication(
        @Size(max = 20) String ingredientId,
        @Size(max = 200) String name) {

    public static ActiveMedication of(String nameOrId) {
        return nameOrId.matches("(?i)DB\\d{5}")
                ? new ActiveMedication(nameOrId, null)
                : new ActiveMedication(null, nameOrId);
    }
}
