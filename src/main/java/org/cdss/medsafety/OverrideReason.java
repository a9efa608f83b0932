package org.cdss.medsafety;

/** Coded reasons a clinician gives for overriding (or heeding) a safety alert. */
public enum OverrideReason {
    PATIENT_TOLERATES,
    BENEFIT_OUTWEIGHS_RISK,
    ALLERGY_HISTORY_INCORRECT,
    DOSE_ADJUSTED,
    OTHER
}
