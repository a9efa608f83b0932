package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cdss.medsafety.engine.KnowledgeBase;
import org.cdss.medsafety.engine.KnowledgeBaseLoader;
import org.cdss.medsafety.engine.SafetyEngine;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 3: when sources grade a pair differently, the alert carries the most severe grading and lists every
 * source with its own grading and text (ADR 0005, "Severity across sources").
 */
class MedsafetySeverityAcrossSourcesTests {

    static final KnowledgeBase KB = KnowledgeBaseLoader.fromClasspath();
    static final SafetyEngine ENGINE = SafetyEngine.with(KB);

    static SafetyAlert interaction(String proposed, String active) {
        MedicationCheckResult result = ENGINE.check(new MedicationCheckRequest(
                null, List.of(ProposedDrug.of(proposed)), List.of(ActiveMedication.of(active)), List.of()));
        List<SafetyAlert> alerts = result.alerts().stream()
                .filter(a -> a.type() == AlertType.INTERACTION)
                .toList();
        assertThat(alerts).as(proposed + " + " + active).hasSize(1);
        return alerts.getFirst();
    }

    /** ANSM contraindicates allopurinol + azathioprine, the VA NDF-RT grades it "Critical" (major). */
    @Test
    void allopurinol_with_azathioprine_is_contraindicated_and_lists_ansm_and_ndf_rt_with_their_own_grades() {
        SafetyAlert alert = interaction("allopurinol", "azathioprine");
        assertThat(alert.severity()).isEqualTo(Severity.CONTRAINDICATED);
        assertThat(alert.tier()).isEqualTo(AlertTier.HARD_STOP);
        assertThat(alert.source()).isEqualTo("ANSM");
        assertThat(alert.sources())
                .extracting(SourceGrading::source, SourceGrading::sourceSeverity, SourceGrading::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ANSM", "CI", Severity.CONTRAINDICATED),
                        org.assertj.core.groups.Tuple.tuple("NDF-RT", "Critical", Severity.MAJOR));
        assertThat(alert.sources().getFirst().text()).isNotBlank(); // the thesaurus's own (French) text
        assertThat(alert.sources().get(1).text()).doesNotContain("[VA Drug Interaction]");
        assertThat(alert.sources()).extracting(SourceGrading::ruleId).contains(alert.ruleId());
    }

    /**
     * Over the WHOLE knowledge base: every interacting pair, checked either way round, is shown at the most severe
     * grading any source gives it, with every source's grading listed, most severe first.
     */
    @Test
    void no_pair_of_the_knowledge_base_is_shown_below_its_most_severe_source() {
        Set<Long> seen = new HashSet<>();
        List<KnowledgeBase.InteractionRule[]> pairs = new ArrayList<>();
        for (int id : KB.ingredients().keySet()) {
            for (KnowledgeBase.InteractionRule r : KB.rulesOf(id)) {
                if (seen.add(KnowledgeBase.pair(r.a(), r.b()))) {
                    pairs.add(KB.interactions(r.a(), r.b()));
                }
            }
        }
        assertThat(pairs).hasSizeGreaterThan(30_000);
        int disagreeing = 0;
        for (KnowledgeBase.InteractionRule[] rules : pairs) {
            Severity most = Severity.INFO;
            Set<String> ids = new HashSet<>();
            Set<Severity> grades = new HashSet<>();
            for (KnowledgeBase.InteractionRule r : rules) {
                most = r.severity().compareTo(most) < 0 ? r.severity() : most;
                ids.add(r.id());
                grades.add(r.severity());
            }
            disagreeing += grades.size() > 1 ? 1 : 0;
            String a = KnowledgeBase.formatId(rules[0].a());
            String b = KnowledgeBase.formatId(rules[0].b());
            for (SafetyAlert alert : List.of(interaction(a, b), interaction(b, a))) {
                assertThat(alert.severity()).as(alert.ruleId()).isEqualTo(most);
                assertThat(alert.tier()).isEqualTo(most.tier());
                assertThat(alert.sources()).extracting(SourceGrading::ruleId).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(alert.sources().getFirst().severity()).isEqualTo(most);
                assertThat(alert.sources().getFirst().ruleId()).isEqualTo(alert.ruleId());
                for (int i = 1; i < alert.sources().size(); i++) {
                    assertThat(alert.sources().get(i).severity())
                            .isGreaterThanOrEqualTo(alert.sources().get(i - 1).severity());
                }
            }
        }
        assertThat(disagreeing).as("pairs the sources grade differently").isGreaterThan(100);
    }
}
