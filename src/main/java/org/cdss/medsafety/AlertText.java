package org.cdss.medsafety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * An alert in the reader's language (issue 15 item 3; ADR 0032): the one place where the text a clinician reads first
 * is made. The summary is built from structured fields only (type, severity, the drugs by name, what to do), from
 * {@code medsafety/alert_text*.properties}; the effect is the source's own phrase (ANSM in French, the clinical
 * overlay in English) looked up in the curated table {@code medsafety/effect-phrases.tsv} (source phrase → en, ko),
 * which covers the phrases of at least 80 % of the alerts shown ({@code AlertTextTests} measures it). A phrase not in
 * the table has no effect text, and the source text stays one click away on the screen. Korean for {@code ko}, English
 * for any other language.
 */
final class AlertText {

    static final String PHRASES = "medsafety/effect-phrases.tsv";
    private static final String BUNDLE = "medsafety.alert_text";
    private static final String ANSM = "ANSM";
    /** "Etanercept belongs to ANTI-TNF ALPHA (ANSM class rule): " — how the KB builder names a class rule. */
    private static final Pattern CLASS_RULE = Pattern.compile("^.*?\\(ANSM class rule[^)]*\\): ");
    /** The ANSM level written before the effect; the combined levels ("ASDEC - PE …") are part of their phrase. */
    private static final Pattern ANSM_LEVEL = Pattern.compile(
            "^(A prendre en compte|Precaution d'emploi|Association DECONSEILLEE|CONTRE-INDICATION)\\s*");

    /** "Warfarin is a vitamin K antagonist; Fluconazole is …. INR rises, major bleeding." — an overlay rule's text. */
    private static final Pattern OVERLAY_ROLES = Pattern.compile("^[^;]+ is [^;]+; [^.]+ is [^.]+\\. ");

    private static final String OVERLAY = "CDSS-OVERLAY";

    private static final Map<String, String[]> TABLE = load();

    private AlertText() {}

    /** Korean for Korean, English for everything else. */
    static boolean korean(Locale locale) {
        return locale != null && "ko".equals(locale.getLanguage());
    }

    /** The summary of an alert: severity, the drugs (or the drug and the allergy), what to do. */
    static String summary(AlertType type, Severity severity, List<String> drugs, Locale locale) {
        ResourceBundle text = bundle(locale);
        String first = drugs.isEmpty() ? text.getString("drug.unknown") : drugs.get(0);
        String second = drugs.size() > 1 ? drugs.get(1) : first;
        String sentence = MessageFormat.format(
                text.getString("summary." + type.name()), first, second, text.getString("severity." + severity.name()));
        return sentence + " " + action(text, type, severity);
    }

    /** A fixed text of the alert bundle in the reader's language (the CDS Hooks card's headings). */
    static String label(String key, Locale locale) {
        return bundle(locale).getString(key);
    }

    /** The phrase of the source text that says what happens: the key of the curated table ({@code null}: none). */
    static String effectPhrase(String source, String sourceText) {
        if (source == null || sourceText == null || sourceText.isBlank()) {
            return null;
        }
        String phrase = sourceText.strip();
        if (ANSM.equals(source)) {
            phrase = ANSM_LEVEL
                    .matcher(CLASS_RULE.matcher(phrase).replaceFirst(""))
                    .replaceFirst("")
                    .strip();
        } else if (OVERLAY.equals(source)) {
            phrase = OVERLAY_ROLES.matcher(phrase).replaceFirst("").strip();
        }
        return phrase.isEmpty() || phrase.contains("[VA Drug Interaction]") ? null : phrase;
    }

    /**
     * The grading whose text says what happens: the first of the alert's sources (most severe first) that has an
     * effect phrase — the ONC lists have no text, so a pair they grade reads the next source's ({@code null}: none).
     */
    static SourceGrading effectSource(List<SourceGrading> sources) {
        for (SourceGrading s : sources) {
            if (effectPhrase(s.source(), s.text()) != null) {
                return s;
            }
        }
        return null;
    }

    /** The effect of an alert's sources in the reader's language, or {@code null}. */
    static String effect(List<SourceGrading> sources, Locale locale) {
        SourceGrading s = effectSource(sources);
        return s == null ? null : effect(s.source(), s.text(), locale);
    }

    /** The source's effect phrase in the reader's language, or {@code null} when it has none or is not curated. */
    static String effect(String source, String sourceText, Locale locale) {
        String phrase = effectPhrase(source, sourceText);
        String[] row = phrase == null ? null : TABLE.get(source + '\t' + phrase);
        return row == null ? null : korean(locale) ? row[1] : row[0];
    }

    /** Whether the curated table has the phrase (a test measures the coverage with it). */
    static boolean translated(String source, String phrase) {
        return TABLE.containsKey(source + '\t' + phrase);
    }

    /** The curated rows: source, phrase, English, Korean. */
    static Map<String, String[]> table() {
        return TABLE;
    }

    private static String action(ResourceBundle text, AlertType type, Severity severity) {
        String specific = "action." + type.name() + "." + severity.name();
        return text.containsKey(specific) ? text.getString(specific) : text.getString("action." + severity.name());
    }

    private static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(
                    BUNDLE,
                    korean(locale) ? Locale.KOREAN : Locale.ROOT,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("alert text bundle missing", e);
        }
    }

    private static Map<String, String[]> load() {
        Map<String, String[]> rows = new HashMap<>();
        InputStream in = AlertText.class.getClassLoader().getResourceAsStream(PHRASES);
        if (in == null) {
            throw new IllegalStateException(PHRASES + " missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 4 || f[2].isBlank() || f[3].isBlank()) {
                    throw new IllegalStateException(PHRASES + ": a row needs source, phrase, en and ko: " + f[0]);
                }
                rows.put(f[0] + '\t' + f[1].strip(), new String[] {f[2].strip(), f[3].strip()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(rows);
    }
}
