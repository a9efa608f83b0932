package org.cdss.orders;

import java.math.BigDecimal;

/**
 * Interpretation of a lab value against the catalogue's reference and critical limits (HL7 v2 table 0078 style:
 * N, L, H, LL, HH). A critical value must be told to the ordering doctor urgently.
 */
public enum LabFlag {
    NORMAL,
    LOW,
    HIGH,
    CRITICAL_LOW,
    CRITICAL_HIGH,
    NOT_NUMERIC;

    public boolean abnormal() {
        return this != NORMAL && this != NOT_NUMERIC;
    }

    public boolean critical() {
        return this == CRITICAL_LOW || this == CRITICAL_HIGH;
    }

    static LabFlag of(
            BigDecimal value, BigDecimal refLow, BigDecimal refHigh, BigDecimal criticalLow, BigDecimal criticalHigh) {
        if (value == null) {
            return NOT_NUMERIC;
        }
        if (criticalLow != null && value.compareTo(criticalLow) <= 0) {
            return CRITICAL_LOW;
        }
        if (criticalHigh != null && value.compareTo(criticalHigh) >= 0) {
            return CRITICAL_HIGH;
        }
        if (refLow != null && value.compareTo(refLow) < 0) {
            return LOW;
        }
        if (refHigh != null && value.compareTo(refHigh) > 0) {
            return HIGH;
        }
        return NORMAL;
    }

    /**
     * A value reported as beyond an analyser's range ({@code ">10.0"}, {@code "<0.5"}, {@code ">=600"}): the
     * comparator and its bound.
     */
    record Bound(String comparator, BigDecimal value) {

        private static final java.util.regex.Pattern FORM =
                java.util.regex.Pattern.compile("\\s*(<=|>=|<|>)\\s*(-?\\d{1,10}(?:\\.\\d{1,4})?)\\s*");

        /** The bound a text states, or null when the text is not of that form. */
        static Bound parse(String text) {
            var m = FORM.matcher(text == null ? "" : text);
            return m.matches() ? new Bound(m.group(1), new BigDecimal(m.group(2))) : null;
        }

        boolean above() {
            return comparator.startsWith(">");
        }

        boolean inclusive() {
            return comparator.endsWith("=");
        }
    }

    /**
     * The flag of a value known only by a bound: what every value beyond it would be flagged, as far as the limits
     * tell ({@code ">10.0"} for potassium with a critical high of 6.0 is critical high); {@link #NOT_NUMERIC} when
     * the bound lies where values on its side could be normal ({@code ">2.0"}).
     */
    static LabFlag of(
            Bound bound, BigDecimal refLow, BigDecimal refHigh, BigDecimal criticalLow, BigDecimal criticalHigh) {
        BigDecimal x = bound.value();
        if (bound.above()) {
            // every value v > x (or >= x) is at least x
            if (criticalHigh != null && x.compareTo(criticalHigh) >= 0) {
                return CRITICAL_HIGH;
            }
            if (refHigh != null && (bound.inclusive() ? x.compareTo(refHigh) > 0 : x.compareTo(refHigh) >= 0)) {
                return HIGH;
            }
            return NOT_NUMERIC;
        }
        // every value v < x (or <= x) is at most x
        if (criticalLow != null && x.compareTo(criticalLow) <= 0) {
            return CRITICAL_LOW;
        }
        if (refLow != null && (bound.inclusive() ? x.compareTo(refLow) < 0 : x.compareTo(refLow) <= 0)) {
            return LOW;
        }
        return NOT_NUMERIC;
    }
}
