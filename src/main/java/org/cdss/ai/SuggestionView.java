package org.cdss.ai;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One suggestion of the ledger as the API shows it: the model's provenance, the inputs' hash, the result (probability,
 * band, contributions), who ran it for which patient and when, and the latest decision on it.
 */
public record SuggestionView(
        UUID id,
        String modelId,
        String modelVersion,
        String modelSha256,
        String inputSha256,
        @Nullable UUID patientId,
        Instant createdAt,
        @Nullable String createdBy,
        double probability,
        String band,
        double baselineLogOdds,
        List<LungRiskModel.LungRiskContribution> contributions,
        @Nullable String decision,
        @Nullable Instant decidedAt,
        boolean sharedWithPatient,
        List<AiDecisionView> decisions) {

    /** One recorded decision. */
    public record AiDecisionView(
            Instant decidedAt,
            @Nullable String username,
            String decision,
            @Nullable String reason,
            @Nullable String editedBand) {}
}
