package org.cdss.medsafety;

import java.util.UUID;

/** What was recorded for a check: how many decisions, of which overrides. */
public record AlertDecisionResult(UUID checkId, int recorded, int overridden) {}
