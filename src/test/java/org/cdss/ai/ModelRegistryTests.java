package org.cdss.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Start-up validation of model folders: the shipped lung-risk model loads; a wrong checksum, an invalid card, a
 * corrupt model file and a card that declares inputs the model does not have are each rejected with the reason, and
 * the health indicator (part of readiness) is DOWN and names them.
 */
class ModelRegistryTests {

    static final Path SHIPPED = Path.of("src/main/resources/ai/models/lung-risk");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void the_shipped_lung_risk_model_loads_with_a_valid_card(@TempDir Path empty) {
        ModelRegistry registry = new ModelRegistry(List.of(new OnnxRuntimeBackend(1)), empty.toString());
        assertThat(registry.find("lung-risk")).isPresent();
        assertThat(registry.rejected()).isEmpty();
        assertThat(registry.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void a_wrong_checksum_is_not_loaded_and_readiness_says_why(@TempDir Path dir) throws Exception {
        Path folder = copy(dir, "tampered");
        ObjectNode card = card(folder);
        card.put("id", "tampered");
        card.put("sha256", "0".repeat(64));
        write(folder, card);
        ModelRegistry registry = new ModelRegistry(List.of(new OnnxRuntimeBackend(1)), dir.toString());
        assertThat(registry.find("tampered")).isEmpty();
        assertThat(registry.rejected()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("tampered");
            assertThat(r.reasons()).anySatisfy(reason -> assertThat(reason).startsWith("checksum mismatch"));
        });
        assertThat(registry.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(registry.health().getDetails()).containsKey("rejected");
    }

    @Test
    void an_invalid_card_is_not_loaded(@TempDir Path dir) throws Exception {
        Path folder = copy(dir, "incomplete");
        ObjectNode card = card(folder);
        card.put("id", "incomplete");
        card.remove("limitations");
        card.remove("trainingData");
        card.put("status", "CLINICALLY_VALIDATED");
        write(folder, card);
        Files.writeString(
                dir.resolve("incomplete-2").resolve("card.json"), "{not json", java.nio.charset.StandardCharsets.UTF_8);
        ModelRegistry registry = new ModelRegistry(List.of(new OnnxRuntimeBackend(1)), dir.toString());
        assertThat(registry.find("incomplete")).isEmpty();
        assertThat(registry.rejected()).hasSize(2);
        assertThat(registry.rejected().getFirst().reasons())
                .contains("'limitations' missing or empty", "'trainingData' missing or not an object")
                .anySatisfy(r -> assertThat(r).startsWith("'status' must be one of"));
        assertThat(registry.rejected().get(1).reasons()).containsExactly("card.json is not valid JSON");
    }

    @Test
    void a_corrupt_model_file_is_not_loaded(@TempDir Path dir) throws Exception {
        Path folder = copy(dir, "corrupt");
        byte[] garbage = "this is not an ONNX model".getBytes();
        Files.write(folder.resolve("model.onnx"), garbage);
        ObjectNode card = card(folder);
        card.put("id", "corrupt");
        card.put("sha256", ModelRegistry.sha256(garbage));
        write(folder, card);
        ModelRegistry registry = new ModelRegistry(List.of(new OnnxRuntimeBackend(1)), dir.toString());
        assertThat(registry.find("corrupt")).isEmpty();
        assertThat(registry.rejected().getFirst().reasons().getFirst())
                .startsWith("ONNX Runtime cannot open the model");
    }

    @Test
    void a_card_declaring_inputs_the_model_does_not_have_is_not_loaded(@TempDir Path dir) throws Exception {
        Path folder = copy(dir, "extra-input");
        ObjectNode card = card(folder);
        card.put("id", "extra-input");
        ObjectNode packYears =
                card.withArray("inputs").addObject().put("name", "packYears").put("type", "number");
        packYears
                .put("trainingMean", 20)
                .put("trainingSd", 10)
                .putArray("trainingRange")
                .add(0)
                .add(100);
        ((ObjectNode) card.get("preprocessing")).withArray("order").add("packYears");
        write(folder, card);
        ModelRegistry registry = new ModelRegistry(List.of(new OnnxRuntimeBackend(1)), dir.toString());
        assertThat(registry.find("extra-input")).isEmpty();
        assertThat(registry.rejected().getFirst().reasons())
                .containsExactly("the card declares 16 inputs, the model takes 15");
    }

    /**
     * What the lung-risk pre-processing reads is declared, never defaulted: without {@code positiveIndex} the
     * probability read would be the "no cancer" class's; without an SD each input would be divided by 1; an age
     * without its training range would be scored however far outside it; inputs in another order would be fed to the
     * wrong coefficients.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "no positiveIndex | a classifier's 'outputs' needs an integer 'positiveIndex'",
                "no trainingSd | every input of a standardised model needs a numeric 'trainingMean'",
                "no age trainingRange | numeric input 'age' needs 'trainingRange' [min, max]",
                "order swapped | 'preprocessing.order' differs from the order of 'inputs'"
            })
    void a_card_that_leaves_preprocessing_to_defaults_is_not_loaded(String defect, String reason, @TempDir Path dir)
            throws Exception {
        Path folder = copy(dir, "defect");
        ObjectNode card = card(folder);
        card.put("id", "defect");
        switch (defect) {
            case "no positiveIndex" -> ((ObjectNode) card.get("outputs")).remove("positiveIndex");
            case "no trainingSd" -> ((ObjectNode) card.get("inputs").get(3)).remove("trainingSd");
            case "no age trainingRange" -> ((ObjectNode) card.get("inputs").get(1)).remove("trainingRange");
            default -> {
                var order = ((ObjectNode) card.get("preprocessing")).withArray("order");
                var first = order.get(0);
                order.set(0, order.get(1));
                order.set(1, first);
            }
        }
        write(folder, card);
        ModelRegistry registry = new ModelRegistry(List.of(new OnnxRuntimeBackend(1)), dir.toString());
        assertThat(registry.find("defect")).isEmpty();
        assertThat(registry.rejected().getFirst().reasons())
                .anySatisfy(r -> assertThat(r).startsWith(reason));
    }

    static Path copy(Path dir, String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.copy(SHIPPED.resolve("model.onnx"), folder.resolve("model.onnx"));
        Files.copy(SHIPPED.resolve("card.json"), folder.resolve("card.json"));
        if (name.equals("incomplete")) {
            Files.createDirectories(dir.resolve("incomplete-2"));
        }
        return folder;
    }

    static ObjectNode card(Path folder) throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(folder.resolve("card.json")));
    }

    static void write(Path folder, ObjectNode card) throws Exception {
        Files.writeString(folder.resolve("card.json"), JSON.writeValueAsString(card));
    }
}
