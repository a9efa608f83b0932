package org.cdss.medsafety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The substance names a SNOMED CT allergy coding's display (or a record's text) can stand for (issue 14 item 9):
 * the text itself, then without the semantic tag ("(substance)", "(finding)", "(product)", "(disorder)") and without
 * the finding's wording ("Allergy to", "Hypersensitivity to", "Product containing", "-containing product", "allergy").
 * SNOMED CT International, editorial guide: fully specified names end in a semantic tag; allergy findings are
 * "Allergy to X (finding)", products "Product containing X (medicinal product)". Nothing is guessed beyond that.
 */
final class SnomedAllergyNames {

    private static final Pattern TAG = Pattern.compile("\\s*\\((substance|finding|product|medicinal product|disorder|"
            + "clinical drug|real clinical drug|situation)\\)\\s*$");
    private static final Pattern PREFIX = Pattern.compile(
            "^(allergy to|allergic to|hypersensitivity to|intolerance to|history of allergy to|adverse reaction to"
                    + "|product containing only|product containing|drug allergy to|allergy to substance)\\s+");
    private static final Pattern SUFFIX =
            Pattern.compile("\\s+(allergy|hypersensitivity|-containing product|containing product)$");

    private SnomedAllergyNames() {}

    static List<String> substances(String display) {
        List<String> out = new ArrayList<>(3);
        if (display == null || display.isBlank()) {
            return out;
        }
        String s = display.strip();
        out.add(s);
        String n = TAG.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
        n = PREFIX.matcher(n).replaceAll("");
        n = SUFFIX.matcher(n).replaceAll("").replace("-containing product", "").strip();
        if (!n.isEmpty() && !n.equalsIgnoreCase(s)) {
            out.add(n);
        }
        return out;
    }
}
