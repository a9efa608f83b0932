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

    /** The strength of a single-ingredient SCD or SBD name ("Amoxicillin 500 MG Oral Capsule" → 500 mg). */
    record Strength(double value, String unit) {}

    private static final java.util.Set<String> STRENGTH_UNITS = java.util.Set.of("mg", "mcg", "g", "unt", "meq");

    /**
     * The strength of a single-ingredient RxNorm clinical or branded drug name, in a mass unit (MG, MCG, G) or units
     * (UNT) or mEq; null for a combination, a concentration ("MG/ML": the volume is not the dose) or any other shape.
     */
    static Strength strength(String name) {
        if (name == null || ingredients(name).size() != 1) {
            return null;
        }
        String[] words = name.strip().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (!words[i].isEmpty() && Character.isDigit(words[i].charAt(0))) {
                String unit = words[i + 1].toLowerCase(java.util.Locale.ROOT);
                if (!STRENGTH_UNITS.contains(unit)) {
                    return null;
                }
                try {
                    return new Strength(Double.parseDouble(words[i]), unit.equals("unt") ? "unit" : unit);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Dose units that count dose forms: a dose of "2 TAB" of a 500 MG tablet is 1000 mg. */
    private static final java.util.Set<String> FORM_UNITS = java.util.Set.of(
            "tab", "tabs", "tablet", "tablets", "{tablet}", "{tbl}", "cap", "caps", "capsule", "capsules", "{capsule}");

    static boolean countsDoseForms(String unit) {
        return unit != null && FORM_UNITS.contains(unit.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
