package org.cdss.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped lung-risk model through the platform: contributions come from the model (they and the baseline add up
 * to the prediction's log-odds), the band follows the card's thresholds, the answer does not depend on batching.
 */
class LungRiskModelTests {

    @TempDir
    Path empty;

    @Test
    void contributions_add_up_to_the_log_odds_of_the_prediction() {
        LungRiskModel model =
                new LungRiskModel(new ModelRegistry(List.of(new OnnxRuntimeBackend(1)), empty.toString()));
        ModelRegistry.RegisteredModel registered = model.model().orElseThrow();
        boolean[] many = new boolean[13];
        java.util.Arrays.fill(many, true);
        double[] sick = LungRiskEncoding.raw(1, 69, many);
        double[] well = LungRiskEncoding.raw(2, 30, new boolean[13]);
        List<LungRiskModel.Result> results = model.predict(registered, List.of(sick, well));
        for (LungRiskModel.Result r : results) {
            double sum = r.baselineLogOdds()
                    + r.contributions().stream()
                            .mapToDouble(LungRiskModel.LungRiskContribution::logOdds)
                            .sum();
            // exact up to float32 softmax and 6-digit rounding, which blur the log-odds of a probability near 0 or 1
            double tolerance = r.probability() > 0.01 && r.probability() < 0.99 ? 1e-3 : 0.1;
            assertThat(sum).isCloseTo(Math.log(r.probability() / (1 - r.probability())), within(tolerance));
            assertThat(r.contributions()).hasSize(15);
        }
        assertThat(results.get(0).probability()).isGreaterThan(results.get(1).probability());
        assertThat(results.get(0).band()).isEqualTo("HIGH");
        assertThat(results.get(1).band()).isEqualTo("LOW");
        // batching does not change an answer
        assertThat(model.predict(registered, List.of(well)).getFirst()).isEqualTo(results.get(1));
    }
}
