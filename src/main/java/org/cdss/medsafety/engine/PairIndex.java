package org.cdss.medsafety.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The interaction rules by pair of ingredients, read-only after the KB has loaded: an open-addressing table of the
 * keys of {@link KnowledgeBase#pair} (already well mixed) with each pair's {@link PairRules} alongside. A check looks
 * up every new × new and new × active pair; this avoids boxing a {@code Long} and walking {@code HashMap} nodes for
 * each of them.
 */
final class PairIndex {

    private final long[] keys;
    private final PairRules[] rules;
    private final int mask;

    /**
     * {@code inFileOrder}: every rule of {@code byPair}, in the order of {@code interactions.tsv}; {@code moiety}: the
     * active moiety of an ingredient, by which {@code byPair} is keyed (ADR 0025).
     */
    PairIndex(
            Map<Long, KnowledgeBase.InteractionRule[]> byPair,
            List<KnowledgeBase.InteractionRule> inFileOrder,
            Function<String, String> sourceCitation,
            String kbVersion,
            java.util.function.IntUnaryOperator moiety) {
        int capacity = Integer.highestOneBit(Math.max(4, byPair.size() * 2 - 1)) << 1; // load factor <= 0.5
        keys = new long[capacity];
        rules = new PairRules[capacity];
        mask = capacity - 1;
        PairRules[] all = new PairRules[byPair.size()];
        int n = 0;
        for (Map.Entry<Long, KnowledgeBase.InteractionRule[]> e : byPair.entrySet()) {
            long key = e.getKey();
            PairRules value = new PairRules(e.getValue(), sourceCitation, kbVersion);
            all[n++] = value;
            int i = (int) key & mask;
            while (rules[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            rules[i] = value;
        }
        rank(all, inFileOrder, moiety);
    }

    /**
     * Gives each pair the rank of its reported rule id in string order (equal ids, equal rank): the alert sort's
     * key. The generated {@code interactions.tsv} is sorted by rule id with unique ids, so the line order is that
     * order and costs one pass; a file that is not is sorted here (tens of ms more at start-up).
     */
    private void rank(
            PairRules[] all,
            List<KnowledgeBase.InteractionRule> inFileOrder,
            java.util.function.IntUnaryOperator moiety) {
        boolean ascending = true;
        for (int i = 1; i < inFileOrder.size() && ascending; i++) {
            ascending = inFileOrder.get(i - 1).id().compareTo(inFileOrder.get(i).id()) < 0;
        }
        if (ascending) {
            for (int i = 0; i < inFileOrder.size(); i++) {
                KnowledgeBase.InteractionRule r = inFileOrder.get(i);
                PairRules pair = get(KnowledgeBase.pair(moiety.applyAsInt(r.a()), moiety.applyAsInt(r.b())));
                if (pair.top() == r) {
                    pair.rank = i;
                }
            }
            return;
        }
        Arrays.sort(all, Comparator.comparing(r -> r.top().id()));
        int rank = 0;
        for (int i = 0; i < all.length; i++) {
            if (i > 0 && !all[i].top().id().equals(all[i - 1].top().id())) {
                rank++;
            }
            all[i].rank = rank;
        }
    }

    /** The rules of the pair with this key, or null. */
    PairRules get(long key) {
        int i = (int) key & mask;
        PairRules found;
        while ((found = rules[i]) != null) {
            if (keys[i] == key) {
                return found;
            }
            i = (i + 1) & mask;
        }
        return null;
    }
}
