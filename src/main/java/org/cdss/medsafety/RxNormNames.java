package org.cdss.medsafety;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RxNorm's normalised clinical-drug (SCD) and branded-drug (SBD) names, "Ingredient Strength Unit / Ingredient
 * Strength Unit Dose Form [Brand]", into their ingredient names: the brand in brackets is dropped, the name is split
 * on " / ", and each part keeps the words before its strength (the first word that starts with a digit). A name not
 * in that shape (a part without a strength, or without ingredient words) gives an empty list, so that it is never
 * read as something it is not.
 */
final class RxNormNames {

    private RxNormNames() {}

    /** The ingredient names of an SCD or SBD name, in order; empty when the name is not in that shape. */
    static List<String> ingredients(String name) {
        if (name == null) {
            return List.of();
        }
        String n = name.strip();
        int bracket = n.lastIndexOf('[');
        if (bracket > 0 && n.endsWith("]")) {
            n = n.substring(0, bracket).strip();
        }
        List<String> out = new ArrayList<>();
        for (String part : n.split(" / ", -1)) {
            String[] words = part.strip().split("\\s+");
            StringBuilder ingredient = new StringBuilder();
            boolean strength = false;
            for (String w : words) {
                if (!w.isEmpty() && Character.isDigit(w.charAt(0))) {
                    strength = true;
                    break;
                }
                ingredient.append(ingredient.isEmpty() ? "" : " ").append(w);
            }
            if (!strength || ingredient.isEmpty()) {
                return List.of();
            }
            out.add(ingredient.toString());
        }
        return List.copyOf(out);
    }
}
