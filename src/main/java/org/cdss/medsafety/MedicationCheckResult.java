package org.cdss.medsafety;

import java.util.List;

/**
 * The alerts of a check, most severe first. {@code complete} is false whenever something could not be checked (an
 * INCOMPLETE alert says what); an empty, complete result is the only "no problem found".
 */
public record MedicationCheckResult(List<SafetyAlert> alerts, boolean complete, KbInfo kb) {

    public MedicationCheckResult {
        alerts = List.copyOf(alerts);
    }
}
