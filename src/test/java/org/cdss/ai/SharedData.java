package org.cdss.ai;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cdss.support.RequiredService;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The public data the AI tests read ({@code CDSS_TEST_DATA}, default {@code ../shared/data}); skipped outside CI. */
final class SharedData {

    static final Path ROOT = Path.of(System.getenv().getOrDefault("CDSS_TEST_DATA", "../shared/data"));
    static final Path ONNX = ROOT.resolve("onnx");
    static final Path SURVEY = ROOT.resolve("lung-cancer").resolve("survey lung cancer.csv");

    private SharedData() {}

    static class OnnxModels implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return RequiredService.check(
                    Files.isRegularFile(ONNX.resolve("iris-lr-model.onnx")), "ONNX test models in " + ONNX);
        }
    }

    static class Survey implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return RequiredService.check(Files.isRegularFile(SURVEY), "the lung-cancer survey at " + SURVEY);
        }
    }
}
