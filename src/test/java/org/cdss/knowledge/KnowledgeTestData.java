package org.cdss.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cdss.support.RequiredService;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The recorded NCBI answers and RSS captures in {@code CDSS_TEST_DATA/knowledge} (default {@code ../shared/data}):
 * tests that read them are skipped outside CI when the folder is absent (a failure in CI).
 */
final class KnowledgeTestData implements ExecutionCondition {

    static final Path ROOT = Path.of(System.getenv().getOrDefault("CDSS_TEST_DATA", "../shared/data"), "knowledge");

    static String pubmed(String file) {
        return read(ROOT.resolve("pubmed").resolve(file));
    }

    static String rss(String file) {
        return read(ROOT.resolve("rss").resolve(file));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return RequiredService.check(
                Files.isRegularFile(ROOT.resolve("pubmed/esearch1.xml"))
                        && Files.isRegularFile(ROOT.resolve("rss/fda_drug_recalls_feed_2019.xml")),
                "knowledge test data (recorded NCBI answers, RSS) in " + ROOT);
    }
}
