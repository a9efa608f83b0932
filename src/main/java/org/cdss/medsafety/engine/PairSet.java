package org.cdss.medsafety.engine;

/**
 * The pairs of ingredients a policy has already reported in one check: an open-addressing set of the keys of
 * {@link KnowledgeBase#pair} (already well mixed, so the low bits index the table). Replaces a {@code HashSet<Long>}
 * on the check's hot path: no boxing, no resizing (sized for every pair the check can produce).
 */
final class PairSet {

    private static final long EMPTY = 0L;
    private final long[] keys;
    private final int mask;
    private boolean hasZero;

    PairSet(int maxPairs) {
        int capacity = Integer.highestOneBit(Math.max(4, maxPairs * 2 - 1)) << 1;
        keys = new long[capacity];
        mask = capacity - 1;
    }

    /** Adds the key; false when it was already there. */
    boolean add(long key) {
        if (key == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int i = (int) key & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        return true;
    }

    /** Sized for the new × new and new × active pairs of a check. */
    static PairSet forCheck(CheckContext c) {
        int n = c.proposed().size();
        return new PairSet(n * (n - 1) / 2 + n * c.active().size() + 1);
    }
}
