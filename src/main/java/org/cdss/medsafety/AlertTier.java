package org.cdss.medsafety;

/**
 * How an alert is presented: a hard stop, an interruptive alert, a shown one, an informational one (listed only).
 * What an override of each needs (and that an INCOMPLETE alert blocks whatever its tier) is decided by
 * {@link OverridePolicy} alone.
 */
public enum AlertTier {
    HARD_STOP,
    INTERRUPTIVE,
    SHOWN,
    INFORMATIONAL
}
