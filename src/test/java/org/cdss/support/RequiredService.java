package org.cdss.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * The rule for tests that need a real service (a database server, Chromium, Orthanc…): outside CI they are skipped
 * with a loud message when the service is missing; with {@code CI=true} a missing service is a failure.
 */
public final class RequiredService {

    private RequiredService() {}

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static ConditionEvaluationResult check(boolean available, String what) {
        if (available) {
            return ConditionEvaluationResult.enabled(what + " available");
        }
        if (inCi()) {
            throw new IllegalStateException("CI=true but " + what + " is not available: failing instead of skipping");
        }
        System.err.println("*** SKIPPED: " + what + " is not available on this machine ***");
        return ConditionEvaluationResult.disabled(what + " not available (skipped outside CI)");
    }
}
