package org.cdss.records;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What a {@link TimelineSource} is asked for: one patient's items of the given types (empty: all), occurred in
 * {@code [from, to)} (either bound may be null).
 */
public record TimelineQuery(UUID patientId, Set<String> types, Instant from, Instant to) {

    public TimelineQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** Whether items of this type are wanted. */
    public boolean wants(String type) {
        return types.isEmpty() || types.contains(type);
    }
}
