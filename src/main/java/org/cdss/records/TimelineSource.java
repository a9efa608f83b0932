package org.cdss.records;

import java.util.List;
import java.util.Set;

/**
 * The port through which a module contributes to a patient's timeline: records implements it for its own items;
 * the orders module adds ORDER and RESULT entries by declaring a bean of this type — records never depends on it.
 * Access control and auditing are done once by {@link Timeline}; sources only read.
 */
public interface TimelineSource {

    /** The entry types this source produces, e.g. {@code ORDER}, {@code RESULT}. */
    Set<String> types();

    /** At most {@code limit} entries matching the query, newest first. */
    List<TimelineEntry> newest(TimelineQuery query, int limit);

    /** How many entries match the query. */
    long count(TimelineQuery query);
}
