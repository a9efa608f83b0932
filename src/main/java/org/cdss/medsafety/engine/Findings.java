package org.cdss.medsafety.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.cdss.medsafety.AlertType;
import org.cdss.medsafety.SafetyAlert;

/**
 * The alerts of one check as the policies add them, each with a primitive sort key, so that the final order
 * ({@link #ORDER}) costs one sort of a {@code long[]} instead of a comparator walking records and strings for every
 * comparison. Not thread-safe: one per check.
 */
final class Findings {

    /** Most severe first, then type, rule id and the first drug's id: the order of every check's alerts. */
    static final Comparator<SafetyAlert> ORDER = (x, y) -> {
        int c = x.severity().compareTo(y.severity());
        if (c == 0) {
            c = x.type().compareTo(y.type());
        }
        if (c == 0) {
            c = x.ruleId().compareTo(y.ruleId());
        }
        if (c == 0) {
            c = String.valueOf(x.drugs().getFirst().id())
                    .compareTo(String.valueOf(y.drugs().getFirst().id()));
        }
        return c;
    };

    /*
     * Key: severity (bits 58-60), type (55-57), rank (20-54), index of the alert in the order added (0-19). Alerts
     * with the same severity, type and rank are put in ORDER by a (stable) sort of their run; the index in the low
     * bits keeps the runs in the order added, as a stable sort of the whole list would.
     */
    private static final int INDEX_BITS = 20;
    private static final int MAX_ALERTS = 1 << INDEX_BITS; // the request limits allow fewer than 70 000 alerts

    private SafetyAlert[] alerts;
    private long[] keys;
    private int size;
    private boolean incomplete;

    Findings(int expected) {
        alerts = new SafetyAlert[Math.max(8, expected)];
        keys = new long[alerts.length];
    }

    /** An alert of a type whose rule ids have no rank: sorted among its severity and type by {@link #ORDER}. */
    void add(SafetyAlert alert) {
        add(alert, 0);
    }

    /**
     * An alert with the rank of its rule id, which must order the rule ids of its severity and type as
     * {@link String#compareTo} does (interaction alerts: {@link PairRules#rank()}); alerts of one severity and type
     * are either all ranked or all unranked (rank 0).
     */
    void add(SafetyAlert alert, int rank) {
        if (size == alerts.length) {
            if (size == MAX_ALERTS) {
                throw new IllegalStateException("more than " + MAX_ALERTS + " alerts in one check");
            }
            alerts = Arrays.copyOf(alerts, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size] = (long) alert.severity().ordinal() << 58
                | (long) alert.type().ordinal() << 55
                | (long) rank << INDEX_BITS
                | size;
        alerts[size++] = alert;
        incomplete |= alert.type() == AlertType.INCOMPLETE;
    }

    /** Whether an INCOMPLETE alert was added (something could not be checked). */
    boolean incomplete() {
        return incomplete;
    }

    /** The alerts in {@link #ORDER} (stable), as an immutable list. */
    List<SafetyAlert> sorted() {
        Arrays.sort(keys, 0, size);
        SafetyAlert[] out = new SafetyAlert[size];
        for (int i = 0; i < size; i++) {
            out[i] = alerts[(int) (keys[i] & (MAX_ALERTS - 1))];
        }
        for (int from = 0; from < size; ) {
            long group = keys[from] >>> INDEX_BITS;
            int to = from + 1;
            while (to < size && keys[to] >>> INDEX_BITS == group) {
                to++;
            }
            if (to - from > 1) {
                Arrays.sort(out, from, to, ORDER);
            }
            from = to;
        }
        return List.of(out);
    }
}
