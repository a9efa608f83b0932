package org.cdss.records;

import java.time.Instant;
import java.util.UUID;

/**
 * One item of a patient's timeline. {@code type} names the kind ({@code ENCOUNTER}, {@code NOTE}, {@code VITALS},
 * {@code DIAGNOSIS}; other modules add theirs, e.g. {@code ORDER}, {@code RESULT}); {@code code} is a short machine
 * value the UI translates or shows as is (a status, a diagnosis code); {@code text} a short summary (at most 200
 * characters, shown escaped); {@code encounterId} links the item to its visit where it has one.
 */
public record TimelineEntry(
        String type, UUID id, UUID encounterId, Instant occurredAt, String code, String text, String actor) {

    static final int TEXT_MAX = 200;

    public TimelineEntry {
        if (text != null && text.length() > TEXT_MAX) {
            text = text.substring(0, TEXT_MAX - 1) + "…";
        }
    }
}
