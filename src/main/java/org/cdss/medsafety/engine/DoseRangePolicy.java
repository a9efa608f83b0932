package org.cdss.medsafety.engine;

import java.util.List;
import java.util.Locale;
import org.cdss.medsafety.AlertType;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.medsafety.Severity;

/**
 * Dose range by age band: a proposed dose above the maximum single dose, or dose × frequency above the maximum daily
 * dose. Adults (and a patient of unknown age): the labelled adult maxima ({@code products.tsv}). Elderly (65 and
 * over): the label's elderly maxima where {@code dose-bands.tsv} has them, else the adult ones. Children (under 18):
 * the per-kg maxima of {@code dose-bands.tsv} times the weight, capped by the adult maxima; without a weight, or
 * without cited paediatric data for the product, the dose is reported as NOT checked (INCOMPLETE): adult limits are
 * never silently applied to a child. A dose in a unit that cannot be compared is INCOMPLETE too. An "as needed" dose
 * (no frequency) of a product with a daily maximum is listed with that maximum in doses a day (informational).
 */
final class DoseRangePolicy implements SafetyPolicy {

    static final String SOURCE = "CDSS-PRODUCTS";

    @Override
    public void evaluate(CheckContext c, Findings findings) {
        KnowledgeBase.AgeBand band =
                c.ageYears() == null ? KnowledgeBase.AgeBand.ADULT : KnowledgeBase.AgeBand.of(c.ageYears());
        for (CheckContext.Drug d : c.proposed()) {
            if (!d.known() || d.order() == null || d.order().dose() == null) {
                continue;
            }
            KnowledgeBase.Product p = c.kb().product(d.form());
            KnowledgeBase.DoseBand limits =
                    band == KnowledgeBase.AgeBand.ADULT ? null : c.kb().doseBand(d.form(), band);
            if (band == KnowledgeBase.AgeBand.PAEDIATRIC) {
                paediatric(c, d, p, limits, findings);
                continue;
            }
            if (p == null || (p.maxSingle() == null && p.maxDaily() == null)) {
                continue;
            }
            Double dose = convert(d.order().dose(), d.order().unit(), p.doseUnit());
            if (dose == null) {
                findings.add(unitAlert(c, d, p.doseUnit(), p.doseSource()));
                continue;
            }
            if (limits != null) {
                check(
                        c,
                        d,
                        dose,
                        limits.maxSingle(),
                        limits.maxDaily(),
                        limits.unit(),
                        "elderly",
                        limits.citation(),
                        "DOSE-ELDERLY-MAX-",
                        findings);
            } else {
                check(
                        c,
                        d,
                        dose,
                        p.maxSingle(),
                        p.maxDaily(),
                        p.doseUnit(),
                        "adult",
                        p.doseSource(),
                        "DOSE-MAX-",
                        findings);
            }
        }
    }

    private static void paediatric(
            CheckContext c,
            CheckContext.Drug d,
            KnowledgeBase.Product p,
            KnowledgeBase.DoseBand limits,
            Findings findings) {
        if (limits == null) {
            findings.add(new SafetyAlert(
                    AlertType.INCOMPLETE,
                    Severity.MODERATE,
                    Severity.MODERATE.tier(),
                    List.of(d.involved()),
                    "The patient is a child (" + c.ageYears() + " years): the adult dose "
                            + "limits do not apply and the knowledge base has no cited paediatric limits for "
                            + d.name() + ", so its dose was NOT checked.",
                    "Check the dose against a paediatric reference (mg/kg) or with a pharmacist.",
                    SOURCE,
                    "CDSS fail-safe rule (issue 4)",
                    "INCOMPLETE-DOSE-PAEDIATRIC:" + d.accession(),
                    List.of(),
                    c.version()));
            return;
        }
        if (c.weightKg() == null) {
            findings.add(new SafetyAlert(
                    AlertType.INCOMPLETE,
                    Severity.MODERATE,
                    Severity.MODERATE.tier(),
                    List.of(d.involved()),
                    "Incomplete: weight needed. The dose of " + d.name() + " for a child is "
                            + "limited per kg of body weight, and no weight was given: the dose was NOT checked.",
                    "Record the patient's weight, then check again.",
                    SOURCE,
                    limits.citation(),
                    "INCOMPLETE-DOSE-WEIGHT:" + d.accession(),
                    List.of(),
                    c.version()));
            return;
        }
        Double dose = convert(d.order().dose(), d.order().unit(), limits.unit());
        if (dose == null) {
            findings.add(unitAlert(c, d, limits.unit(), limits.citation()));
            return;
        }
        double weight = c.weightKg();
        Double single = cap(
                limits.maxSinglePerKg() == null ? null : limits.maxSinglePerKg() * weight,
                p == null ? null : convert(p.maxSingle(), p.doseUnit(), limits.unit()));
        Double daily = cap(
                limits.maxDailyPerKg() == null ? null : limits.maxDailyPerKg() * weight,
                p == null ? null : convert(p.maxDaily(), p.doseUnit(), limits.unit()));
        check(
                c,
                d,
                dose,
                single,
                daily,
                limits.unit(),
                "paediatric (" + format(weight) + " kg)",
                limits.citation(),
                "DOSE-PAED-MAX-",
                findings);
    }

    /** The smaller of two limits; a missing one does not limit. */
    private static Double cap(Double limit, Double adult) {
        return limit == null ? adult : adult == null ? limit : Math.min(limit, adult);
    }

    private static void check(
            CheckContext c,
            CheckContext.Drug d,
            double dose,
            Double maxSingle,
            Double maxDaily,
            String unit,
            String band,
            String citation,
            String rulePrefix,
            Findings findings) {
        if (maxSingle != null && dose > maxSingle + 1e-9) {
            findings.add(alert(c, d, unit, band, citation, rulePrefix, "single", dose, maxSingle));
        }
        Integer perDay = d.order().frequencyPerDay();
        // without a frequency the day has at least this one dose
        int atLeast = perDay == null ? 1 : perDay;
        if (maxDaily != null && dose * atLeast > maxDaily + 1e-9) {
            findings.add(alert(c, d, unit, band, citation, rulePrefix, "daily", dose * atLeast, maxDaily));
        } else if (maxDaily != null && perDay == null) {
            // "as needed" or no frequency: the day's total is not known, so the daily limit could not be compared;
            // said, not silently skipped (listed, not blocking: the prescriber writes the most doses a day)
            findings.add(new SafetyAlert(
                    AlertType.DOSE,
                    Severity.INFO,
                    Severity.INFO.tier(),
                    List.of(d.involved()),
                    d.name() + ": no fixed frequency, so the " + band + " maximum daily dose of " + format(maxDaily)
                            + " " + unit + " was not compared (at most " + doses(maxDaily, dose)
                            + " doses of " + format(dose) + " " + unit + " a day).",
                    "Write the most doses a day in the instructions.",
                    SOURCE,
                    citation,
                    "DOSE-DAILY-UNCHECKED:" + d.accession(),
                    List.of(),
                    c.version()));
        }
    }

    /** How many whole doses fit in the daily maximum. */
    private static String doses(double maxDaily, double dose) {
        return String.valueOf((long) Math.floor(maxDaily / dose + 1e-9));
    }

    private static SafetyAlert unitAlert(CheckContext c, CheckContext.Drug d, String unit, String citation) {
        return new SafetyAlert(
                AlertType.INCOMPLETE,
                Severity.MODERATE,
                Severity.MODERATE.tier(),
                List.of(d.involved()),
                "The dose unit \"" + d.order().unit() + "\" cannot be compared with " + "the limits in " + unit
                        + ": the dose of " + d.name() + " was NOT checked.",
                "Enter the dose in " + unit + ".",
                SOURCE,
                citation,
                "INCOMPLETE-DOSE-UNIT",
                List.of(),
                c.version());
    }

    private static SafetyAlert alert(
            CheckContext c,
            CheckContext.Drug d,
            String unit,
            String band,
            String citation,
            String rulePrefix,
            String kind,
            double value,
            double max) {
        return new SafetyAlert(
                AlertType.DOSE,
                Severity.MAJOR,
                Severity.MAJOR.tier(),
                List.of(d.involved()),
                d.name() + ": the " + kind + " dose " + format(value) + " " + unit + " is above the " + band + " "
                        + "maximum " + kind + " dose of " + format(max) + " " + unit + ".",
                "Lower the dose to at most " + format(max) + " " + unit
                        + (kind.equals("daily") ? " a day" : " per dose")
                        + ", or record why a higher dose is intended.",
                SOURCE,
                citation,
                rulePrefix + kind.toUpperCase(Locale.ROOT) + ":" + d.accession(),
                List.of(),
                c.version());
    }

    /** The dose in {@code target} units, or null when the units cannot be compared. */
    static Double convert(Double dose, String unit, String target) {
        if (dose == null || unit == null || unit.isBlank() || target == null || target.isBlank()) {
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
        double rounded = Math.round(v * 100) / 100.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
