package org.cdss.medsafety.engine;

import java.util.List;
import java.util.Locale;
import org.cdss.medsafety.AlertType;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.medsafety.Severity;

/**
 * Adult dose range: a proposed dose above the labelled maximum single dose, or dose × frequency above the maximum
 * daily dose ({@code products.tsv}). A dose in a unit that cannot be compared is reported as INCOMPLETE.
 */
final class DoseRangePolicy implements SafetyPolicy {

    static final String SOURCE = "CDSS-PRODUCTS";

    @Override
    public void evaluate(CheckContext c, List<SafetyAlert> findings) {
        for (CheckContext.Drug d : c.proposed()) {
            if (!d.known() || d.order() == null || d.order().dose() == null) {
                continue;
            }
            KnowledgeBase.Product p = c.kb().product(d.id());
            if (p == null || (p.maxSingle() == null && p.maxDaily() == null)) {
                continue;
            }
            Double dose = convert(d.order().dose(), d.order().unit(), p.doseUnit());
            if (dose == null) {
                findings.add(new SafetyAlert(AlertType.INCOMPLETE, Severity.MODERATE, Severity.MODERATE.tier(),
                        List.of(d.involved()), "The dose unit \"" + d.order().unit() + "\" cannot be compared with "
                                + "the limits in " + p.doseUnit() + ": the dose of " + d.name() + " was NOT checked.",
                        "Enter the dose in " + p.doseUnit() + ".", SOURCE, p.doseSource(), "INCOMPLETE-DOSE-UNIT",
                        List.of(), c.version()));
                continue;
            }
            if (p.maxSingle() != null && dose > p.maxSingle() + 1e-9) {
                findings.add(alert(c, d, p, "single", dose, p.maxSingle()));
            }
            Integer perDay = d.order().frequencyPerDay();
            if (p.maxDaily() != null && perDay != null && dose * perDay > p.maxDaily() + 1e-9) {
                findings.add(alert(c, d, p, "daily", dose * perDay, p.maxDaily()));
            }
        }
    }

    private static SafetyAlert alert(CheckContext c, CheckContext.Drug d, KnowledgeBase.Product p, String kind,
            double value, double max) {
        return new SafetyAlert(AlertType.DOSE, Severity.MAJOR, Severity.MAJOR.tier(), List.of(d.involved()),
                d.name() + ": the " + kind + " dose " + format(value) + " " + p.doseUnit() + " is above the adult "
                        + "maximum " + kind + " dose of " + format(max) + " " + p.doseUnit() + ".",
                "Lower the dose to at most " + format(max) + " " + p.doseUnit() + (kind.equals("daily") ? " a day"
                        : " per dose") + ", or record why a higher dose is intended.",
                SOURCE, p.doseSource(), "DOSE-MAX-" + kind.toUpperCase(Locale.ROOT) + ":"
                        + KnowledgeBase.formatId(d.id()), List.of(), c.version());
    }

    /** The dose in {@code target} units, or null when the units cannot be compared. */
    static Double convert(double dose, String unit, String target) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        Double from = massInMg(unit);
        Double to = massInMg(target);
        if (from != null && to != null) {
            return dose * from / to;
        }
        return unit.strip().equalsIgnoreCase(target.strip()) ? dose : null;
    }

    private static Double massInMg(String unit) {
        return switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "g", "gram", "grams" -> 1000.0;
            case "mg", "milligram", "milligrams" -> 1.0;
            case "mcg", "µg", "ug", "microgram", "micrograms" -> 0.001;
            default -> null;
        };
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
