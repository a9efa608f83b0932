package org.cdss.medsafety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdss.medsafety.engine.SafetyEngine;
import org.jspecify.annotations.Nullable;

/**
 * The published reference set of drug pairs and allergy scenarios ({@code medsafety/reference-set.tsv}, every row
 * cited; issue 14 item 8, ADR 0025) and how the engine does on it: per type and category the number of rows, the
 * sensitivity (dangerous: an interruptive or hard-stop alert; moderate: an alert shown at moderate or above) or the
 * specificity (safe: no hard stop), the share interrupted, and the rows missed. Measured with the KB version it
 * reports; nothing here feeds back into a rule.
 */
public final class ReferenceSet {

    public static final String RESOURCE = "medsafety/reference-set.tsv";

    public enum Category {
        DANGEROUS,
        MODERATE,
        SAFE
    }

    /** One row: a PAIR (a proposed with b active) or an ALLERGY (allergen a recorded, b proposed). */
    public record Case(String type, Category category, String a, String b, String reaction, String citation) {}

    /** The figures of one type and category; {@code sensitivity} or {@code specificity} is null where it means nothing. */
    public record ReferenceSetFigures(
            String type,
            Category category,
            int cases,
            int unknown,
            @Nullable Double sensitivity,
            @Nullable Double specificity,
            double interruptedShare,
            List<String> missed) {}

    /** What the KB page shows: the figures measured on {@code kbVersion}. */
    public record ReferenceSetReport(
            String kbVersion, int pairs, int allergyScenarios, List<ReferenceSetFigures> figures) {}

    private ReferenceSet() {}

    public static List<Case> cases() {
        try (InputStream in = ReferenceSet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 6 || f[5].isBlank()) {
                    throw new IllegalStateException(RESOURCE + ": malformed or uncited row: " + line);
                }
                cases.add(new Case(f[0], Category.valueOf(f[1]), f[2], f[3], f[4], f[5]));
            }
            return List.copyOf(cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The alerts of one case that concern it: interactions and duplicates for a pair, allergy alerts for allergies. */
    public static MedicationCheckResult check(SafetyEngine engine, Case c) {
        if (c.type().equals("ALLERGY")) {
            RecordedAllergy allergy =
                    RecordedAllergy.freeText(c.a()).withReaction(c.reaction().isBlank() ? null : c.reaction(), null);
            return engine.check(
                    new MedicationCheckRequest(null, List.of(ProposedDrug.of(c.b())), List.of(), List.of(allergy)));
        }
        return engine.check(new MedicationCheckRequest(
                null, List.of(ProposedDrug.of(c.a())), List.of(ActiveMedication.of(c.b())), List.of()));
    }

    public static List<SafetyAlert> relevant(Case c, MedicationCheckResult result) {
        return result.alerts().stream()
                .filter(a -> c.type().equals("ALLERGY")
                        ? a.type() == AlertType.ALLERGY
                        : a.type() == AlertType.INTERACTION || a.type() == AlertType.DUPLICATE)
                .toList();
    }

    public static boolean interrupts(List<SafetyAlert> alerts) {
        return alerts.stream().anyMatch(a -> a.tier() == AlertTier.HARD_STOP || a.tier() == AlertTier.INTERRUPTIVE);
    }

    public static boolean hardStops(List<SafetyAlert> alerts) {
        return alerts.stream().anyMatch(a -> a.tier() == AlertTier.HARD_STOP);
    }

    public static boolean shown(List<SafetyAlert> alerts) {
        return alerts.stream().anyMatch(a -> a.severity().compareTo(Severity.MODERATE) <= 0);
    }

    public static ReferenceSetReport evaluate(SafetyEngine engine) {
        List<Case> cases = cases();
        Map<String, List<Case>> byGroup = new LinkedHashMap<>();
        for (String type : List.of("PAIR", "ALLERGY")) {
            for (Category category : Category.values()) {
                byGroup.put(type + ":" + category, new ArrayList<>());
            }
        }
        cases.forEach(c -> byGroup.get(c.type() + ":" + c.category()).add(c));
        List<ReferenceSetFigures> figures = new ArrayList<>();
        byGroup.forEach((key, group) -> {
            if (group.isEmpty()) {
                return;
            }
            int unknown = 0;
            int hits = 0;
            int interrupted = 0;
            List<String> missed = new ArrayList<>();
            Category category = group.getFirst().category();
            for (Case c : group) {
                MedicationCheckResult result = check(engine, c);
                unknown += result.complete() ? 0 : 1;
                List<SafetyAlert> alerts = relevant(c, result);
                boolean interrupts = interrupts(alerts);
                interrupted += interrupts ? 1 : 0;
                boolean ok = switch (category) {
                    case DANGEROUS -> interrupts;
                    case MODERATE -> shown(alerts) && !hardStops(alerts);
                    case SAFE -> !hardStops(alerts);
                };
                hits += ok ? 1 : 0;
                if (!ok) {
                    missed.add(c.a() + " + " + c.b());
                }
            }
            double share = (double) hits / group.size();
            figures.add(new ReferenceSetFigures(
                    group.getFirst().type(),
                    category,
                    group.size(),
                    unknown,
                    category == Category.SAFE ? null : share,
                    category == Category.DANGEROUS
                            ? null
                            : category == Category.SAFE ? share : noHardStop(engine, group),
                    (double) interrupted / group.size(),
                    List.copyOf(missed)));
        });
        int pairs = (int) cases.stream().filter(c -> c.type().equals("PAIR")).count();
        return new ReferenceSetReport(engine.info().version(), pairs, cases.size() - pairs, List.copyOf(figures));
    }

    /** Moderate rows: the share without a hard stop (shown, not blocking, is what they should get). */
    private static double noHardStop(SafetyEngine engine, List<Case> group) {
        int n = 0;
        for (Case c : group) {
            n += hardStops(relevant(c, check(engine, c))) ? 0 : 1;
        }
        return (double) n / group.size();
    }
}
