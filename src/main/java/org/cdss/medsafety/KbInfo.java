package org.cdss.medsafety;

import java.util.List;
import java.util.Map;

/**
 * The knowledge base in use: version, whether it loaded (when not, {@code problem} says why and every check is
 * incomplete), its sources with citations and rule counts, and counts by kind and by source and severity.
 */
public record KbInfo(
        String version, boolean available, String problem, List<Source> sources, Map<String, Integer> counts) {

    public KbInfo {
        sources = List.copyOf(sources);
        counts = Map.copyOf(counts);
    }

    /** One source of interaction rules. */
    public record Source(String code, String citation, int rules) {}
}
