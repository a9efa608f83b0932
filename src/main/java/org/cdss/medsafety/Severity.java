package org.cdss.medsafety;

/** The one severity scale every source is mapped to (ADR 0005), most severe first. */
public enum Severity {
    CONTRAINDICATED,
    MAJOR,
    MODERATE,
    MINOR,
    INFO;

    /** How the alert is presented: contraindicated stops, major interrupts, moderate is shown, the rest informs. */
    public AlertTier tier() {
        return switch (this) {
            case CONTRAINDICATED -> AlertTier.HARD_STOP;
            case MAJOR -> AlertTier.INTERRUPTIVE;
            case MODERATE -> AlertTier.SHOWN;
            case MINOR, INFO -> AlertTier.INFORMATIONAL;
        };
    }
}
