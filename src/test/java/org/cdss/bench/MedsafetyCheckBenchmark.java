package org.cdss.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cdss.medsafety.ActiveMedication;
import org.cdss.medsafety.MedicationCheckRequest;
import org.cdss.medsafety.MedicationCheckResult;
import org.cdss.medsafety.ProposedDrug;
import org.cdss.medsafety.RecordedAllergy;
import org.cdss.medsafety.engine.KnowledgeBase;
import org.cdss.medsafety.engine.KnowledgeBaseLoader;
import org.cdss.medsafety.engine.SafetyEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4's benchmark: one check of 10 proposed drugs against 20 active medications and 5 allergies on the full
 * knowledge base ({@link #engineCheck}), and in the same run the baseline ({@link #baselinePairLookup}): a plain
 * {@code HashMap<Long, List<…>>} lookup of the same 245 drug pairs (10×9/2 new×new + 10×20 new×active) holding every
 * interaction rule of the KB. Run with {@code bench/medsafety-jmh.sh}; not part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MedsafetyCheckBenchmark {

    /** Common drugs with real interactions among them (the proposed order). */
    static final List<String> PROPOSED = List.of(
            "simvastatin",
            "clarithromycin",
            "warfarin",
            "aspirin",
            "ibuprofen",
            "amiodarone",
            "metformin",
            "omeprazole",
            "ciprofloxacin",
            "sertraline");

    static final List<String> ALLERGIES =
            List.of("penicillin", "sulfamethoxazole", "cephalexin", "codeine", "naproxen");

    SafetyEngine engine;
    MedicationCheckRequest request;
    Map<Long, List<KnowledgeBase.InteractionRule>> baseline;
    long[] pairs;

    @Setup
    public void setUp() {
        KnowledgeBase kb = KnowledgeBaseLoader.fromClasspath();
        engine = SafetyEngine.with(kb);
        List<Integer> newIds = PROPOSED.stream().map(kb::idForName).toList();
        if (newIds.contains(null)) {
            throw new IllegalStateException("a benchmark drug is not in the KB: " + PROPOSED + " -> " + newIds);
        }
        List<Integer> activeIds = kb.products().keySet().stream()
                .sorted()
                .filter(id -> !newIds.contains(id))
                .limit(20)
                .toList();
        request = new MedicationCheckRequest(
                null,
                newIds.stream()
                        .map(id -> ProposedDrug.of(KnowledgeBase.formatId(id)))
                        .toList(),
                activeIds.stream()
                        .map(id -> ActiveMedication.of(KnowledgeBase.formatId(id)))
                        .toList(),
                ALLERGIES.stream().map(RecordedAllergy::freeText).toList());

        // Baseline: every interaction rule of the KB in a plain HashMap keyed by the packed pair.
        Integer[] all = kb.ingredients().keySet().toArray(Integer[]::new);
        Arrays.sort(all);
        baseline = new HashMap<>();
        for (int i = 0; i < all.length; i++) {
            for (int j = i + 1; j < all.length; j++) {
                KnowledgeBase.InteractionRule[] rules = kb.interactions(all[i], all[j]);
                if (rules != null) {
                    baseline.put(plainPair(all[i], all[j]), List.of(rules));
                }
            }
        }
        List<Long> p = new ArrayList<>();
        for (int i = 0; i < newIds.size(); i++) {
            for (int j = i + 1; j < newIds.size(); j++) {
                p.add(plainPair(newIds.get(i), newIds.get(j)));
            }
            for (Integer active : activeIds) {
                p.add(plainPair(newIds.get(i), active));
            }
        }
        pairs = p.stream().mapToLong(Long::longValue).toArray();
        System.out.printf(
                "%nKB %s: %d ingredients, %d rules, %d interacting pairs; %d pairs per check; engine "
                        + "check gives %d alerts%n",
                kb.version(),
                kb.ingredientCount(),
                kb.ruleCount(),
                baseline.size(),
                pairs.length,
                engine.check(request).alerts().size());
    }

    static long plainPair(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    @Benchmark
    public MedicationCheckResult engineCheck() {
        return engine.check(request);
    }

    @Benchmark
    public int baselinePairLookup() {
        int found = 0;
        for (long pair : pairs) {
            List<KnowledgeBase.InteractionRule> rules = baseline.get(pair);
            if (rules != null) {
                found += rules.size();
            }
        }
        return found;
    }
}
