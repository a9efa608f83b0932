package org.cdss.ai;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request bodies of the AI API (validated at the edge: a missing input, an age outside 0–120 is 400). */
public final class AiRequests {

    private AiRequests() {}

    /**
     * The fifteen inputs of the lung-cancer risk model: sex code (1 = male, 2 = female), age in years, and the 13
     * yes/no answers. Every one is required (the model has no notion of a missing answer).
     */
    public record LungRiskInputs(
            @NotNull @Min(1) @Max(2) Integer sexCode,
            @NotNull @Min(0) @Max(120) Integer age,
            @NotNull Boolean smoking,
            @NotNull Boolean yellowFingers,
            @NotNull Boolean anxiety,
            @NotNull Boolean peerPressure,
            @NotNull Boolean chronicDisease,
            @NotNull Boolean fatigue,
            @NotNull Boolean allergy,
            @NotNull Boolean wheezing,
            @NotNull Boolean alcoholConsuming,
            @NotNull Boolean coughing,
            @NotNull Boolean shortnessOfBreath,
            @NotNull Boolean swallowingDifficulty,
            @NotNull Boolean chestPain) {

        /** The survey-coded vector the model's pre-processing starts from. */
        double[] raw() {
            return LungRiskEncoding.raw(sexCode, age, new boolean[] {
                smoking,
                yellowFingers,
                anxiety,
                peerPressure,
                chronicDisease,
                fatigue,
                allergy,
                wheezing,
                alcoholConsuming,
                coughing,
                shortnessOfBreath,
                swallowingDifficulty,
                chestPain
            });
        }

        /** A canonical text of the inputs (fixed order), whose SHA-256 the ledger keeps. */
        String canonical() {
            double[] x = raw();
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < x.length; i++) {
                s.append(i == 0 ? "" : ",")
                        .append(LungRiskEncoding.INPUTS.get(i))
                        .append('=')
                        .append((long) x[i]);
            }
            return s.toString();
        }
    }

    /** One prediction for a patient. */
    public record LungRiskPredict(
            @NotNull UUID patientId, @NotNull @Valid LungRiskInputs inputs) {}

    /** A batch of predictions for patients, run as a job. */
    public record LungRiskBatch(
            @NotEmpty @Size(max = 100_000) List<@NotNull @Valid LungRiskPredict> items) {}

    /** The clinician's decision on a suggestion. */
    public record AiDecisionRequest(
            @NotNull AiDecisionKind decision,
            @Nullable @Size(max = 1000) String reason,
            @Nullable String editedBand,
            @Nullable Boolean shareWithPatient) {}

    public enum AiDecisionKind {
        ACCEPTED,
        REJECTED,
        EDITED
    }
}
