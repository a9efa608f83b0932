package org.cdss.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cdss.support.RequiredService;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Browser tests need Debian's Chromium and the built web UI on the classpath. */
class BrowserAvailable implements ExecutionCondition {

    static final Path CHROMIUM = Path.of(System.getProperty("cdss.chromium", "/usr/bin/chromium"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult browser =
                RequiredService.check(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM);
        if (browser.isDisabled()) {
            return browser;
        }
        return RequiredService.check(
                getClass().getResource("/static/index.html") != null,
                "the built web UI (static/index.html; build without -Dskip.frontend)");
    }
}
