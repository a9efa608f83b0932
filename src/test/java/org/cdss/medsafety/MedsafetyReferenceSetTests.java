package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.cdss.medsafety.engine.KnowledgeBaseLoader;
import org.cdss.medsafety.engine.SafetyEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14 item 8: the published reference set ({@code reference-set.tsv}: FDA label contraindications, the ONC
 * high-priority list (Phansalkar 2012), Malone 2004's clinically important DDIs, FDA-approved fixed-dose
 * combinations; allergy scenarios from the 2022 AAAAI/ACAAI practice parameter, each row cited). Every dangerous
 * case must interrupt, no safe case may hard-stop: a failure here is a missed dangerous pair or a false hard stop,
 * to be fixed at its cause (hierarchy, severity merge, class expansion, cross-reactivity), never by a rule for the
 * one pair. The figures per category are printed (bench/README.md, the KB page).
 */
class MedsafetyReferenceSetTests {

    static final SafetyEngine ENGINE = SafetyEngine.with(KnowledgeBaseLoader.fromClasspath());

    static Stream<ReferenceSet.Case> dangerous() {
        return ReferenceSet.cases().stream().filter(c -> c.category() == ReferenceSet.Category.DANGEROUS);
    }

    static Stream<ReferenceSet.Case> notDangerous() {
        return ReferenceSet.cases().stream().filter(c -> c.category() != ReferenceSet.Category.DANGEROUS);
    }

    @Test
    void the_set_has_at_least_150_cited_pairs_and_40_allergy_scenarios() {
        List<ReferenceSet.Case> cases = ReferenceSet.cases();
        assertThat(cases.stream().filter(c -> c.type().equals("PAIR"))).hasSizeGreaterThanOrEqualTo(150);
        assertThat(cases.stream().filter(c -> c.type().equals("ALLERGY"))).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).allSatisfy(c -> assertThat(c.citation()).isNotBlank());
        for (ReferenceSet.Category category : ReferenceSet.Category.values()) {
            assertThat(cases.stream().filter(c -> c.type().equals("PAIR") && c.category() == category))
                    .as(category.name())
                    .hasSizeGreaterThanOrEqualTo(30);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dangerous")
    void every_dangerous_case_interrupts(ReferenceSet.Case c) {
        MedicationCheckResult result = ReferenceSet.check(ENGINE, c);
        assertThat(result.complete()).as("%s and %s are known", c.a(), c.b()).isTrue();
        List<SafetyAlert> alerts = ReferenceSet.relevant(c, result);
        assertThat(ReferenceSet.interrupts(alerts))
                .as("%s + %s must interrupt (%s); alerts: %s", c.a(), c.b(), c.citation(), alerts)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notDangerous")
    void no_safe_case_hard_stops(ReferenceSet.Case c) {
        List<SafetyAlert> alerts = ReferenceSet.relevant(c, ReferenceSet.check(ENGINE, c));
        assertThat(c.category() == ReferenceSet.Category.SAFE && ReferenceSet.hardStops(alerts))
                .as("%s + %s must not hard-stop (%s); alerts: %s", c.a(), c.b(), c.citation(), alerts)
                .isFalse();
    }

    @Test
    void the_figures_per_category() {
        ReferenceSet.ReferenceSetReport report = ReferenceSet.evaluate(ENGINE);
        System.out.println("reference set on KB " + report.kbVersion() + ": " + report.pairs() + " pairs, "
                + report.allergyScenarios() + " allergy scenarios");
        for (ReferenceSet.ReferenceSetFigures f : report.figures()) {
            System.out.printf(
                    "  %s %s n=%d unknown=%d sensitivity=%s specificity=%s interrupted=%.2f missed=%s%n",
                    f.type(),
                    f.category(),
                    f.cases(),
                    f.unknown(),
                    f.sensitivity(),
                    f.specificity(),
                    f.interruptedShare(),
                    f.missed());
        }
        assertThat(report.figures()).hasSize(5);
        ReferenceSet.cases().stream()
                .filter(c -> c.category() == ReferenceSet.Category.MODERATE)
                .filter(c -> ReferenceSet.hardStops(ReferenceSet.relevant(c, ReferenceSet.check(ENGINE, c))))
                .forEach(c -> System.out.println("  moderate case hard-stopped: " + c.a() + " + " + c.b()));
    }
}
