package org.cdss.knowledge;

import java.util.UUID;

/**
 * A document or a new version of it was stored. Ids only. Published in the transaction that stored it; after commit
 * this instance's index takes it in at once, the other instances find it by polling (ADR 0024).
 */
@org.springframework.modulith.NamedInterface("events")
public record DocumentPublished(UUID documentId, int version) {}
