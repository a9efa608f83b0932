package org.cdss.medsafety;

import java.util.List;
import java.util.UUID;

/**
 * The alerts of a check, most severe first. {@code complete} is false whenever something could not be checked (an
 * INCOMPLETE alert says what); an empty, complete result is the only "no problem found". {@code checkId} names the
 * check in the alert log (null outside the API): the client returns it with the clinician's decisions.
 */
public record MedicationCheckResult(UUID checkId, List<SafetyAlert> alerts, boolean complete, KbInfo kb) {

    public MedicationCheckResult {
        alerts = List.copyOf(alerts);
    }

    public MedicationCheckResult(List<SafetyAlert> alerts, boolean complete, KbInfo kb) {
        this(null, alerts, complete, kb);
    }

    public MedicationCheckResult withCheckId(UUID id) {
        return new MedicationCheckResult(id, alerts, complete, kb);
    }
}
