package org.cdss.radiology;

import java.time.Instant;
import java.util.UUID;

/** An addendum of a signed report: its text, whether it reports a critical finding, who signed it and when. */
public record AddendumView(
        UUID id, String body, boolean critical, UUID signedById, String signedByName, Instant signedAt) {}
