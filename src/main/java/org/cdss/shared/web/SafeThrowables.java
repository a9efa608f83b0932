package org.cdss.shared.web;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A throwable for the log without its messages: the class of each throwable in the cause chain and its stack frames,
 * never {@link Throwable#getMessage()}. Messages may carry patient data — a constraint violation names the duplicate
 * value (an MRN), a data-access exception the SQL with what was bound, a value-too-long error the value — and the
 * trace id in the answer leads from a user's report to the full stack here (issue 10 item 5).
 */
public final class SafeThrowables {

    /** Frames per throwable in the chain; the top of each stack is where it matters. */
    static final int MAX_FRAMES = 40;

    private SafeThrowables() {}

    public static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean first = true;
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            out.append(first ? "" : "\nCaused by: ").append(t.getClass().getName());
            first = false;
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                out.append("\n\tat ").append(frames[i]);
            }
            if (frames.length > MAX_FRAMES) {
                out.append("\n\t... ").append(frames.length - MAX_FRAMES).append(" more");
            }
        }
        return out.toString();
    }
}
