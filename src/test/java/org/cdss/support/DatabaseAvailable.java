package org.cdss.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips (outside CI) or fails (in CI) integration tests when the selected database server does not answer. */
public class DatabaseAvailable implements ExecutionCondition {

    private static final boolean AVAILABLE = TestDatabase.available();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return RequiredService.check(AVAILABLE, TestDatabase.KIND + " database server");
    }
}
