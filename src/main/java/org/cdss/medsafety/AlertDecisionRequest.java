package org.cdss.medsafety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The clinician's decisions on the alerts of one check ({@code checkId} from {@link MedicationCheckResult}): per rule,
 * heeded ({@code ACCEPTED}, the order was changed) or {@code OVERRIDDEN}, with a coded reason and free text as the
 * alert's {@link OverridePolicy} requirement says ({@code OVERRIDDEN} on an incomplete check's alert is its
 * acknowledgement).
 */
public record AlertDecisionRequest(
        @NotNull UUID checkId,

        @NotEmpty @Size(max = MedicationCheckRequest.MAX_PROPOSED)
        List<@Valid @NotNull Decision> decisions) {

    public AlertDecisionRequest {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    /** What happened to one alert. */
    public enum Action {
        ACCEPTED,
        OVERRIDDEN
    }

    /** The decision on the alert(s) of one rule. */
    public record Decision(
            @NotBlank @Size(max = 120) String ruleId,
            @NotNull Action action,
            OverrideReason reasonCode,
            @Size(max = 1000) String comment) {

        @Override
        public String toString() {
            return "Decision[ruleId=" + ruleId + ", action=" + action + ", reasonCode=" + reasonCode + "]";
        }
    }
}
