package org.cdss.shared.db;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Ids for the rows of the tables that grow with every order and every audited request: orders and their transitions,
 * overrides, dispenses and results; audit rows; the safety check's id, its alert rows and the decisions on them
 * (ADR 0057). They are time-ordered UUIDs (version 7, RFC 9562), so that a new row's id — and the foreign keys that
 * point at it — land at the end of their index instead of in a random page: the embedded H2 default rewrites every
 * index page a commit changed (bench/README.md, issue 16), and on MariaDB the primary key orders the table itself.
 * Their text form, as stored in the {@code CHAR(36)} id columns, sorts in creation order (in one JVM, unless its
 * clock steps back).
 *
 * <p>The first 48 bits are the creation time in milliseconds, which these rows carry in a column anyway; 74 bits are
 * random where {@link UUID#randomUUID()} has 122, so nothing that must be unguessable (tokens, codes, keys) comes from
 * here.
 */
public final class RowIds {

    // monotonic: within one millisecond each id is the previous one plus one, so the order holds across threads
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private RowIds() {}

    /** A new id: after every id handed out before it in this JVM, unless the system clock stepped back since. */
    public static UUID next() {
        return GENERATOR.generate();
    }
}
