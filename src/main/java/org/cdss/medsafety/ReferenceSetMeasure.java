package org.cdss.medsafety;

import java.util.List;
import org.cdss.medsafety.engine.SafetyEngine;
import org.jspecify.annotations.Nullable;

/**
 * The reference-set figures of the knowledge base in use ({@link ReferenceSet}), measured once, on first request:
 * the engine and its KB do not change while the application runs. Without a KB the report is empty (version
 * "unavailable"), never figures measured on something else.
 */
final class ReferenceSetMeasure {

    private final SafetyEngine engine;
    private volatile ReferenceSet.@Nullable ReferenceSetReport report;

    ReferenceSetMeasure(SafetyEngine engine) {
        this.engine = engine;
    }

    ReferenceSet.ReferenceSetReport report() {
        ReferenceSet.ReferenceSetReport r = report;
        if (r == null) {
            r = engine.available()
                    ? ReferenceSet.evaluate(engine)
                    : new ReferenceSet.ReferenceSetReport(engine.info().version(), 0, 0, List.of());
            report = r;
        }
        return r;
    }
}
