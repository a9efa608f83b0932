package org.cdss.medsafety.engine;

/** One clinical rule family: looks at a resolved request and adds its findings; never throws for clinical reasons. */
interface SafetyPolicy {

    void evaluate(CheckContext context, Findings findings);
}
