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
    SEVERE(
            Severity.CONTRAINDICATED,
            "a severe reaction (anaphylaxis, airway, breathing or circulation involvement, or a severe cutaneous"
                    + " reaction)"),
    RASH(Severity.MAJOR, "a non-severe skin reaction"),
    INTOLERANCE(Severity.MINOR, "an intolerance (a side effect, not an allergy)"),
    UNKNOWN(null, "");

    /** Named severe reactions: anaphylaxis, angioedema, severe cutaneous adverse reactions. */
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
            "agep",
            "아나필락시스",
            "혈관부종",
            "스티븐스",
            "독성표피괴사",
            "쇼크");
    /**
     * Respiratory compromise: with any other sign after the drug it is anaphylaxis (NIAID/FAAN criterion 1 and 2,
     * Sampson HA et al., J Allergy Clin Immunol 2006;117:391-7; WAO 2020), and on its own it is not a side effect.
     */
    private static final List<String> RESPIRATORY_WORDS = List.of(
            "bronchospasm",
            "dyspn",
            "difficulty breathing",
            "breathing difficult",
            "trouble breathing",
            "short of breath",
            "shortness of breath",
            "sob",
            "wheez",
            "stridor",
            "hypox",
            "desaturat",
            "respiratory distress",
            "asthma attack",
            "호흡곤란",
            "호흡 곤란",
            "숨참",
            "숨이 차",
            "천명",
            "쌕쌕",
            "기관지경련",
            "청색증");
    /** Reduced blood pressure or end-organ dysfunction (collapse, syncope): anaphylaxis criteria 2 and 3. */
    private static final List<String> CIRCULATORY_WORDS = List.of(
            "hypotens",
            "low blood pressure",
            "blood pressure drop",
            "drop in blood pressure",
            "bp drop",
            "collapse",
            "syncope",
            "faint",
            "loss of consciousness",
            "unconscious",
            "cardiac arrest",
            "저혈압",
            "혈압저하",
            "혈압 저하",
            "혈압이 떨어",
            "실신",
            "의식저하",
            "의식 저하",
            "의식소실",
            "의식 소실",
            "심정지");
    /** Swelling of the airway or mucosa (lips, tongue, uvula, throat, face): angioedema by another name. */
    private static final List<String> AIRWAY_WORDS = List.of(
            "laryngeal",
            "throat tight",
            "throat swell",
            "throat closing",
            "swollen throat",
            "tongue swell",
            "swollen tongue",
            "lip swell",
            "swollen lip",
            "uvula",
            "facial swell",
            "face swell",
            "swollen face",
            "swelling of the face",
            "swelling of the lips",
            "swelling of the tongue",
            "목 조임",
            "목이 조",
            "목이 붓",
            "인후부종",
            "후두부종",
            "혀 부종",
            "혀가 붓",
            "입술 부종",
            "입술이 붓",
            "얼굴 부종",
            "얼굴이 붓");

    private static final java.util.Set<String> WHOLE_WORDS = java.util.Set.of("sjs", "agep", "dress", "sob");
    private static final List<String> RASH_WORDS = List.of(
            "rash", "urticaria", "hives", "exanthem", "itch", "pruritus", "erythema", "발진", "두드러기", "가려움", "피부");
    /**
     * Persistent gastrointestinal symptoms (crampy abdominal pain, vomiting): with a skin or mucosal sign after the
     * drug, two organ systems, which is anaphylaxis (criterion 2); alone, an intolerance.
     */
    private static final List<String> SYSTEMIC_GI_WORDS = List.of("vomit", "cramp", "abdominal pain", "구토", "복통");

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
     * What the record says, by organ system, most serious first (the anaphylaxis criteria, not the first word found): a
     * named severe reaction, or respiratory, circulatory or airway involvement, or a skin sign with persistent
     * gastrointestinal symptoms (two systems) is a severe reaction — "hives, difficulty breathing" is anaphylaxis, not
     * a rash, and "vomiting and hypotension" not an intolerance; a skin sign alone is a rash (a "severe" urticaria is
     * still a skin reaction); only symptoms that are all intolerance make an intolerance. When the text names none of
     * them, a SEVERE record severity counts as a severe reaction.
     */
    static AllergyReaction of(String reaction, AllergySeverity severity) {
        if (reaction != null && !reaction.isBlank()) {
            String[] words = reaction.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+");
            String text = " " + String.join(" ", words) + " ";
            if (matches(text, SEVERE_WORDS)
                    || matches(text, RESPIRATORY_WORDS)
                    || matches(text, CIRCULATORY_WORDS)
                    || matches(text, AIRWAY_WORDS)) {
                return SEVERE;
            }
            boolean skin = matches(text, RASH_WORDS);
            if (skin && matches(text, SYSTEMIC_GI_WORDS)) {
                return SEVERE;
            }
            if (skin) {
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
