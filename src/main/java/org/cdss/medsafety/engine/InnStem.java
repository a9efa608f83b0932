package org.cdss.medsafety.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A WHO International Nonproprietary Name stem as a group member in {@code groups.tsv} ({@code stem:cef-},
 * {@code stem:-cillin-}, {@code stem:-icam}): the position of the hyphen says where the stem sits in the name, as the
 * WHO stem book writes it ("cef-" begins a name, "-icam" ends it, "-cillin-" is inside it). Names are compared in
 * lower case, English and French (the ANSM names end in "-e": "amoxicilline", "ibuprofene"), so the French ending
 * is ignored for a stem that ends a name. Source: WHO, The use of stems in the selection of INNs for pharmaceutical
 * substances (WHO/EMP/RHT/TSN/2018.1).
 */
record InnStem(String text, boolean atStart, boolean atEnd) {

    static InnStem parse(String written) {
        String w = written.strip().toLowerCase(Locale.ROOT);
        boolean leading = w.startsWith("-");
        boolean trailing = w.endsWith("-");
        String text = w.replaceAll("^-|-$", "");
        if (!(leading || trailing) || text.length() < 3) {
            throw new IllegalArgumentException("not an INN stem (\"cef-\", \"-icam\", \"-cillin-\"): " + written);
        }
        return new InnStem(text, !leading, !trailing);
    }

    boolean carriedBy(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (atStart) {
            return n.startsWith(text);
        }
        if (atEnd) {
            return n.endsWith(text) || n.endsWith(text + "e");
        }
        return n.contains(text);
    }

    /** The ingredients (id → English and French name) that carry this stem. */
    Set<Integer> members(Map<Integer, String[]> ingredients) {
        Set<Integer> out = new TreeSet<>();
        ingredients.forEach((id, names) -> {
            for (String name : names) {
                if (carriedBy(name)) {
                    out.add(id);
                    return;
                }
            }
        });
        return out;
    }
}
