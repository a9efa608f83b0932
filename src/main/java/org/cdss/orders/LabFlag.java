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
}
