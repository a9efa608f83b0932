package org.cdss.medsafety.engine;

import java.util.List;
import java.util.Locale;
import org.cdss.medsafety.Severity;
import org.cdss.patients.AllergySeverity;

/**
 * The kind of reaction an allergy record describes, which grades its allergy alerts (issue 14 item 6, ADR 0005;
 * Khan DA et al., J Allergy Clin Immunol 2022;150:1333-93: the history of the reaction decides between avoidance,
 * test dose and direct administration): a severe immediate or severe cutaneous reaction (anaphylaxis, angioedema,
 * SJS/TEN, DRESS) is a hard stop, a non-severe rash interrupts, an intolerance (nausea, headache ... not an allergy)
 * only informs. Read once per allergy of a check from the record's reaction text (English or Korean) and severity;
 * UNKNOWN when the record does not say, and then the rule's own severity stands.
 */
enum AllergyReaction {
    SEVERE(Severity.CONTRAINDICATED, "a severe reaction (anaphylaxis or a severe cutaneous reaction)"),
    RASH(Severity.MAJOR, "a non-severe skin reaction"),
    INTOLERANCE(Severity.MINOR, "an intolerance (a side effect, not an allergy)"),
    UNKNOWN(null, "");

    private static final List<String> SEVERE_WORDS = List.of(
            "anaphyla",
            "angioedema",
            "angio-edema",
            "stevens",
            "sjs",
            "toxic epidermal",
            "dress",
            "drug reaction with eosinophilia",
            "shock",
            "bronchospasm",
            "laryngeal",
            "agep",
            "아나필락시스",
            "혈관부종",
            "스티븐스",
            "독성표피괴사",
            "쇼크");
    private static final java.util.Set<String> WHOLE_WORDS = java.util.Set.of("sjs", "agep", "dress");
    private static final List<String> RASH_WORDS = List.of(
            "rash", "urticaria", "hives", "exanthem", "itch", "pruritus", "erythema", "발진", "두드러기", "가려움", "피부");
    private static final List<String> INTOLERANCE_WORDS = List.of(
            "intoleran",
            "nausea",
            "vomit",
            "diarrh",
            "headache",
            "dizz",
            "gi upset",
            "stomach",
            "constipation",
            "drowsi",
            "side effect",
            "오심",
            "구역",
            "구토",
            "설사",
            "두통",
            "어지러",
            "불내성",
            "부작용");

    private final Severity grade;
    private final String described;

    AllergyReaction(Severity grade, String described) {
        this.grade = grade;
        this.described = described;
    }

    /**
     * What the record says, most serious first: the kind of reaction when the text names it (a "severe" urticaria is
     * still a skin reaction, not anaphylaxis), else a SEVERE record severity counts as a severe reaction.
     */
    static AllergyReaction of(String reaction, AllergySeverity severity) {
        if (reaction != null && !reaction.isBlank()) {
            String[] words = reaction.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+");
            String text = " " + String.join(" ", words) + " ";
            if (matches(text, SEVERE_WORDS)) {
                return SEVERE;
            }
            if (matches(text, RASH_WORDS)) {
                return RASH;
            }
            if (matches(text, INTOLERANCE_WORDS)) {
                return INTOLERANCE;
            }
        }
        return severity == AllergySeverity.SEVERE ? SEVERE : UNKNOWN;
    }

    /** A word starting with the stem ("anaphyla" in "anaphylactic"); acronyms must be whole words; Korean anywhere. */
    private static boolean matches(String text, List<String> stems) {
        for (String stem : stems) {
            boolean whole = WHOLE_WORDS.contains(stem);
            boolean korean = stem.chars().anyMatch(c -> c > 127);
            if (whole ? text.contains(" " + stem + " ") : korean ? text.contains(stem) : text.contains(" " + stem)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The severity of an allergy finding whose rule says {@code base}: graded by the reaction when the record says
     * what it was and the rule is a real cross-reactivity (moderate or above); a low cross-reactivity note (minor,
     * info: e.g. carbapenems after a penicillin allergy) keeps its own severity whatever the reaction.
     */
    Severity grade(Severity base) {
        if (grade == null || base.compareTo(Severity.MODERATE) > 0) {
            return base;
        }
        return grade;
    }

    /** " The record describes …: graded …." or "" when the reaction does not change the rule's severity. */
    String note(Severity base) {
        return this == UNKNOWN
                ? ""
                : " The allergy record describes " + described + ": graded "
                        + grade(base).name().toLowerCase(Locale.ROOT) + ".";
    }
}
