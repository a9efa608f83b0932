package org.cdss.medsafety.engine;

import java.util.Map;

/**
 * The interaction rules by pair of ingredients, read-only after the KB has loaded: an open-addressing table of the
 * keys of {@link KnowledgeBase#pair} (already well mixed) with the rules alongside. A check looks up every new × new
 * and new × active pair; this avoids boxing a {@code Long} and walking {@code HashMap} nodes for each of them.
 */
final class PairIndex {

    private final long[] keys;
    private final KnowledgeBase.InteractionRule[][] rules;
    private final int mask;

    PairIndex(Map<Long, KnowledgeBase.InteractionRule[]> byPair) {
        int capacity = Integer.highestOneBit(Math.max(4, byPair.size() * 2 - 1)) << 1; // load factor <= 0.5
        keys = new long[capacity];
        rules = new KnowledgeBase.InteractionRule[capacity][];
        mask = capacity - 1;
        byPair.forEach((key, value) -> {
            int i = (int) (long) key & mask;
            while (rules[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            rules[i] = value;
        });
    }

    /** The rules of the pair with this key, or null. */
    KnowledgeBase.InteractionRule[] get(long key) {
        int i = (int) key & mask;
        KnowledgeBase.InteractionRule[] found;
        while ((found = rules[i]) != null) {
            if (keys[i] == key) {
                return found;
            }
            i = (i + 1) & mask;
        }
        return null;
    }
}
