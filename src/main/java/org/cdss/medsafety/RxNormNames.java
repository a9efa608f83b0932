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

    /** One ingredient of an SCD/SBD name with its strength as written ("clavulanate potassium", 8.58, "MG/ML"). */
    record Component(String ingredient, double strength, String unit) {}

    /**
     * An SCD or SBD name read whole: its ingredients with their strengths, the dose form ("Oral Suspension", the words
     * after the last strength) and the brand in brackets (SBD), or null when the name is not in that shape.
     */
    record Parsed(List<Component> components, String doseForm, String brand) {}

    /** The ingredient names of an SCD or SBD name, in order; empty when the name is not in that shape. */
    static List<String> ingredients(String name) {
        Parsed parsed = parse(name);
        return parsed == null
                ? List.of()
                : parsed.components().stream().map(Component::ingredient).toList();
    }

    /**
     * Reads "Ingredient Strength Unit / Ingredient Strength Unit Dose Form [Brand]": each part keeps the words before
     * its strength (the first word that starts with a digit) as the ingredient, the next word as the unit (with an
     * older "per 5 ML" denominator kept in it), and the last part's remaining words are the dose form.
     */
    static Parsed parse(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip();
        String brand = null;
        int bracket = n.lastIndexOf('[');
        if (bracket > 0 && n.endsWith("]")) {
            brand = n.substring(bracket + 1, n.length() - 1).strip();
            n = n.substring(0, bracket).strip();
        }
        List<Component> out = new ArrayList<>();
        String form = "";
        String[] parts = n.split(" / ", -1);
        for (int p = 0; p < parts.length; p++) {
            String[] words = parts[p].strip().split("\\s+");
            int i = 0;
            StringBuilder ingredient = new StringBuilder();
            while (i < words.length && (words[i].isEmpty() || !Character.isDigit(words[i].charAt(0)))) {
                ingredient.append(ingredient.isEmpty() ? "" : " ").append(words[i++]);
            }
            if (i >= words.length || ingredient.isEmpty()) {
                return null; // no strength, or no ingredient words before it
            }
            double value;
            try {
                value = Double.parseDouble(words[i++]);
            } catch (NumberFormatException e) {
                value = Double.NaN; // "160 MG/5ML" style glued values keep the name readable, not the number
            }
            String unit = i < words.length ? words[i++] : "";
            if (i + 2 < words.length && words[i].equalsIgnoreCase("per")) {
                unit = unit + " per " + words[i + 1] + " " + words[i + 2];
                i += 3;
            }
            out.add(new Component(ingredient.toString(), value, unit));
            if (p == parts.length - 1) {
                form = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
            }
        }
        return new Parsed(List.copyOf(out), form, brand);
    }

    /** The strength of a single-ingredient SCD or SBD name ("Amoxicillin 500 MG Oral Capsule" → 500 mg). */
    record Strength(double value, String unit) {}

    private static final java.util.Set<String> STRENGTH_UNITS = java.util.Set.of("mg", "mcg", "g", "unt", "meq");

    /**
     * The strength of a single-ingredient RxNorm clinical or branded drug name, in a mass unit (MG, MCG, G) or units
     * (UNT) or mEq; null for a combination, a concentration ("MG/ML": the volume is not the dose) or any other shape.
     */
    static Strength strength(String name) {
        Parsed parsed = parse(name);
        if (parsed == null || parsed.components().size() != 1) {
            return null;
        }
        Component c = parsed.components().getFirst();
        String unit = c.unit().toLowerCase(java.util.Locale.ROOT);
        if (!STRENGTH_UNITS.contains(unit) || Double.isNaN(c.strength())) {
            return null;
        }
        return new Strength(c.strength(), unit.equals("unt") ? "unit" : unit);
    }

    /** Dose units that count dose forms: a dose of "2 TAB" of a 500 MG tablet is 1000 mg. */
    private static final java.util.Set<String> FORM_UNITS = java.util.Set.of(
            "tab", "tabs", "tablet", "tablets", "{tablet}", "{tbl}", "cap", "caps", "capsule", "capsules", "{capsule}");

    static boolean countsDoseForms(String unit) {
        return unit != null && FORM_UNITS.contains(unit.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
