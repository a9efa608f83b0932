package org.cdss.medsafety.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a product's full name can stand for when the name itself is unknown (issue 14 item 7): the name without
 * its strength, its dose form and a release modifier, then the ingredient written in parentheses. Korean product names
 * are written that way ("리피토정10밀리그램(아토르바스타틴칼슘삼수화물)": brand, form, strength, then the ingredient with
 * its salt — the MFDS/HIRA product-name convention), US and European ones as "Seroquel XR 300 mg", "Toprol-XL",
 * "Lipitor 20 mg film-coated tablets". Only words that change neither the ingredient nor the combination are dropped:
 * "HCT", "Plus", "-D", "PM", "Comp" and "Duo" stay, so "Diovan HCT" or "Claritin-D" stays unknown (check incomplete)
 * unless a combination row names it; a name that joins ingredients ("/", "+", ",", "and", "with") gives no candidate,
 * so a combination is never read as one of its parts.
 */
final class ProductNames {

    /**
     * Release modifiers, strengths and devices of US/European brand names (FDA and EMA product naming: "XR", "DS"
     * double strength, "HFA" propellant, "Diskus" inhaler), and form words: never an ingredient.
     */
    private static final Set<String> RELEASE = Set.of(
            "xr",
            "xl",
            "er",
            "sr",
            "cr",
            "cd",
            "la",
            "mr",
            "odt",
            "dr",
            "ec",
            "ds",
            "hfa",
            "diskus",
            "ellipta",
            "respimat",
            "turbuhaler",
            "evohaler",
            "inhaler",
            "flexpen",
            "kwikpen",
            "solostar",
            "pen",
            "retard",
            "depot",
            "oros",
            "prolonged",
            "modified",
            "gastro-resistant",
            "orodispersible",
            "film-coated",
            "tablets",
            "capsules",
            "hard",
            "soft",
            "tablet",
            "capsule",
            "injection",
            "solution",
            "suspension",
            "oral",
            "for",
            "infusion",
            "concentrate");

    /**
     * Korean dose-form words written onto a product name (MFDS 제형 names), longest first; single-syllable "산"
     * (powder) and "액" (liquid) are left out because ingredient names end with them ("발프로산").
     */
    private static final List<String> KO_FORMS = List.of(
            "프리필드시린지", "필름코팅정", "구강붕해정", "건조시럽", "연질캡슐", "경질캡슐", "서방캡슐", "장용캡슐", "츄어블정", "주사액", "현탁액", "점안액", "흡입제",
            "서방정", "장용정", "분산정", "발포정", "캡슐", "시럽", "주사", "과립", "크림", "연고", "패치", "패취", "좌제", "정", "주", "겔", "펜");

    /** What joins the ingredients of a combination: "/", "+", ",", "&", " and ", " with ". */
    private static final Pattern COMBINATION = Pattern.compile("[/+,&]|\\b(and|with)\\b");

    private ProductNames() {}

    /**
     * The candidate names of a {@link KnowledgeBase#normalise normalised} product name, in the order to try: the
     * product part, then the parenthesised ingredient part; empty when neither differs from the name.
     */
    static List<String> candidates(String n) {
        List<String> out = new ArrayList<>(2);
        StringBuilder outer = new StringBuilder(n.length());
        StringBuilder inner = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
                outer.append(' ');
            } else if (c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
                inner.append(' ');
            } else if (depth > 0) {
                inner.append(c);
            } else {
                outer.append(c);
            }
        }
        add(out, base(outer.toString()), n);
        add(out, base(inner.toString()), n);
        return out;
    }

    private static void add(List<String> out, String candidate, String n) {
        if (!candidate.isEmpty() && !candidate.equals(n) && !out.contains(candidate)) {
            out.add(candidate);
        }
    }

    /** The words before any strength, without release modifiers and without a Korean dose form at the end. */
    static String base(String text) {
        if (COMBINATION.matcher(text).find()) {
            return ""; // "amoxicillin 250 MG / clavulanate …", "(트라마돌염산염,아세트아미노펜)": never one of the parts
        }
        List<String> words = new ArrayList<>();
        for (String w : text.strip().split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            int digit = firstDigit(w);
            if (digit == 0) {
                break; // the strength: what follows is strength, unit and form
            }
            String word = digit > 0 ? w.substring(0, digit) : w;
            int hyphen = word.lastIndexOf('-');
            if (hyphen > 0 && RELEASE.contains(word.substring(hyphen + 1))) {
                word = word.substring(0, hyphen); // "toprol-xl"
            }
            if (!RELEASE.contains(word)) {
                words.add(word);
            }
            if (digit > 0) {
                break; // "노바스크정5밀리그램": strength glued to the name
            }
        }
        if (words.isEmpty()) {
            return "";
        }
        String last = words.removeLast();
        String stripped = stripKoreanForm(last);
        if (!stripped.isEmpty()) {
            words.add(stripped);
        }
        return String.join(" ", words);
    }

    private static String stripKoreanForm(String word) {
        for (String form : KO_FORMS) {
            if (word.length() > form.length() + 1 && word.endsWith(form)) {
                return word.substring(0, word.length() - form.length());
            }
        }
        return word;
    }

    private static int firstDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
