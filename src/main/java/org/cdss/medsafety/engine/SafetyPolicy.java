package org.cdss.medsafety.engine;

import java.util.List;
import org.cdss.medsafety.SafetyAlert;

/** One clinical rule family: looks at a resolved request and adds its findings; never throws for clinical reasons. */
interface SafetyPolicy {

    void evaluate(CheckContext context, List<SafetyAlert> findings);
}
