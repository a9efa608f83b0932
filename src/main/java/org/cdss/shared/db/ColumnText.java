package org.cdss.shared.db;

import org.jspecify.annotations.Nullable;

/** Text cut to the length of the column it is written to (a display name, a user agent, a feed title). */
public final class ColumnText {

    private ColumnText() {}

    /**
     * {@code s} if it fits in {@code max} characters, else its first {@code max} characters — one fewer when the cut
     * would split a surrogate pair, which PostgreSQL and MariaDB would otherwise store as a broken character.
     * {@code null} stays {@code null}.
     */
    public static @Nullable String fit(@Nullable String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
