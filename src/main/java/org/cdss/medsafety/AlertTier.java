package org.cdss.medsafety;

/**
 * How an alert must be handled: a hard stop can only be passed with a coded override reason and free text, an
 * interruptive alert needs a reason, a shown alert needs none, an informational one is listed only.
 */
public enum AlertTier {
    HARD_STOP, INTERRUPTIVE, SHOWN, INFORMATIONAL
}
