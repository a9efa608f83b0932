package org.cdss.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.cdss.ai.train.LungRiskTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./cdss train lung-risk} is reproducible: retraining from the survey with the fixed seed gives the committed
 * model file byte for byte and the committed card (same metrics, baselines, calibration, thresholds, checksum).
 */
@ExtendWith(SharedData.Survey.class)
class LungRiskTrainingTests {

    @Test
    void retraining_with_the_fixed_seed_reproduces_the_committed_model_and_card(@TempDir Path out) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode committed = json.readTree(Files.readString(ModelRegistryTests.SHIPPED.resolve("card.json")));
        LocalDate date =
                LocalDate.parse(committed.path("producedBy").path("date").asString());
        LungRiskTrainer.Result result = LungRiskTrainer.train(SharedData.SURVEY, date);
        LungRiskTrainer.write(result, out);

        assertThat(result.rows()).isEqualTo(276);
        assertThat(result.duplicates()).isEqualTo(33);
        JsonNode card = json.readTree(Files.readString(out.resolve("card.json")));
        assertThat(card.path("evaluation")).isEqualTo(committed.path("evaluation"));
        assertThat(card.path("outputs")).isEqualTo(committed.path("outputs"));
        assertThat(card).as("run ./cdss train lung-risk --date " + date).isEqualTo(committed);
        assertThat(Files.mismatch(out.resolve("model.onnx"), ModelRegistryTests.SHIPPED.resolve("model.onnx")))
                .isEqualTo(-1L);
        // the model beats both baselines
        double auc = card.path("evaluation").path("metrics").path("auc").asDouble();
        assertThat(auc)
                .isGreaterThan(card.path("evaluation")
                        .path("baselines")
                        .path("bestSingleInput")
                        .path("auc")
                        .asDouble());
        assertThat(card.path("evaluation")
                        .path("metrics")
                        .path("balancedAccuracy")
                        .asDouble())
                .isGreaterThan(0.5);
    }
}
