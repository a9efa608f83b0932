package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cdss.medsafety.engine.KnowledgeBase;
import org.cdss.medsafety.engine.KnowledgeBaseLoader;
import org.cdss.medsafety.engine.SafetyEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14 items 4 and 5 (ADR 0025): the curated overlay ({@code overlay.tsv}) writes label contraindications and
 * published high-priority interactions for classes ("strong CYP3A4 inhibitors", "MAOIs"), expanded to the members
 * the KB knows, names the class in the alert, and can only raise a pair's severity: every source stays listed and
 * the overlay is never reported where a source is as severe. Sources: FDA labels named per row; FDA Table of CYP
 * inhibitors (2023); Holbrook AM et al. Arch Intern Med 2005;165:1095-106.
 */
class MedsafetyOverlayTests {

    static final KnowledgeBase KB = KnowledgeBaseLoader.fromClasspath();
    static final SafetyEngine ENGINE = SafetyEngine.with(KB);

    static SafetyAlert interaction(String proposed, String active) {
        List<SafetyAlert> alerts = ENGINE
                .check(new MedicationCheckRequest(
                        null, List.of(ProposedDrug.of(proposed)), List.of(ActiveMedication.of(active)), List.of()))
                .alerts()
                .stream()
                .filter(a -> a.type() == AlertType.INTERACTION)
                .toList();
        assertThat(alerts).as(proposed + " + " + active).hasSize(1);
        return alerts.getFirst();
    }

    @ParameterizedTest(name = "{0} + {1}: {2}, \"{3}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                // FDA labels Halcion / Xanax 2023: contraindicated with ketoconazole and itraconazole
                "triazolam|itraconazole|CONTRAINDICATED|Itraconazole is a strong CYP3A4 inhibitor",
                "alprazolam|ketoconazole|CONTRAINDICATED|Ketoconazole is a strong CYP3A4 inhibitor",
                // FDA label thioridazine: contraindicated with CYP2D6 inhibitors
                "fluoxetine|thioridazine|CONTRAINDICATED|Fluoxetine is a CYP2D6 inhibitor",
                // FDA labels of the SSRIs, Wellbutrin: contraindicated with MAOIs (incl. linezolid, methylene blue)
                "bupropion|phenelzine|CONTRAINDICATED|Phenelzine is a monoamine oxidase inhibitor",
                "sertraline|methylene blue|CONTRAINDICATED|is a monoamine oxidase inhibitor",
                // Holbrook 2005: highly probable potentiation of warfarin
                "fluconazole|warfarin|MAJOR|Warfarin is a vitamin K antagonist",
                "warfarin|metronidazole|MAJOR|is a strong potentiator of the anticoagulant effect"
            })
    void a_class_rule_applies_to_its_members_and_names_the_class(
            String proposed, String active, Severity severity, String text) {
        SafetyAlert alert = interaction(proposed, active);
        assertThat(alert.severity()).isEqualTo(severity);
        // the overlay's grading is listed with its class text; it leads unless a source is as severe (NDF-RT
        // "Critical" regraded by the label contraindication leads alprazolam + ketoconazole)
        assertThat(alert.sources()).anySatisfy(g -> {
            assertThat(g.source()).isEqualTo(KnowledgeBase.OVERLAY);
            assertThat(g.text()).contains(text);
        });
        if (alert.source().equals(KnowledgeBase.OVERLAY)) {
            assertThat(alert.whatHappens()).contains(text);
            assertThat(alert.citation()).containsAnyOf("FDA label", "Holbrook");
        }
    }

    /** Over every pair the overlay touches: it never lowers a grade nor hides a source, and wins only when stronger. */
    @Test
    void the_overlay_only_raises_and_never_hides_a_source() {
        int pairs = 0;
        for (int id : KB.ingredients().keySet()) {
            for (KnowledgeBase.InteractionRule r : KB.rulesOf(id)) {
                if (!r.source().equals(KnowledgeBase.OVERLAY) || r.a() != id) {
                    continue;
                }
                KnowledgeBase.InteractionRule[] rules = KB.interactions(r.a(), r.b());
                Severity bestSource = null;
                for (KnowledgeBase.InteractionRule s : rules) {
                    if (!s.source().equals(KnowledgeBase.OVERLAY)
                            && (bestSource == null || s.severity().compareTo(bestSource) < 0)) {
                        bestSource = s.severity();
                    }
                }
                SafetyAlert alert = interaction(KnowledgeBase.formatId(r.a()), KnowledgeBase.formatId(r.b()));
                assertThat(alert.sources()).hasSize(rules.length);
                if (bestSource != null && bestSource.compareTo(r.severity()) <= 0) {
                    assertThat(alert.source()).as(alert.ruleId()).isNotEqualTo(KnowledgeBase.OVERLAY);
                    assertThat(alert.severity()).isEqualTo(bestSource);
                } else {
                    assertThat(alert.severity()).isEqualTo(r.severity());
                }
                pairs++;
            }
        }
        assertThat(pairs).isGreaterThan(200);
    }

    /**
     * ANSM class rules (issue 14 item 4): the alert names the class that is why the rule matched, and a class rule
     * reaches a member of the class (WorldVistA 2016 membership) that the merged dataset had not mapped into any of
     * the class's rules: aliskiren, an antihypertensive, with baclofen (ANSM: antihypertensives + baclofen, "take
     * into account", hypotension).
     */
    @Test
    void an_ansm_class_rule_names_its_class_and_reaches_the_current_members() {
        // aliskiren: DB01258 and its hemifumarate DB09026 are one moiety (moieties.tsv), so the name is no longer
        // ambiguous
        SafetyAlert statin = interaction("simvastatin", "erythromycin");
        assertThat(statin.severity()).isEqualTo(Severity.CONTRAINDICATED);
        // ONC's high-priority grading leads (ties: ONC first); the ANSM grading beside it names the class
        assertThat(statin.sources())
                .anySatisfy(
                        g -> assertThat(g.text()).startsWith("Erythromycin belongs to STRONG INHIBITORS OF CYP3A4"));
        SafetyAlert expanded = interaction("aliskiren", "baclofen");
        assertThat(expanded.source()).isEqualTo("ANSM");
        assertThat(expanded.whatHappens())
                .contains("Aliskiren belongs to ANTIHYPERTENSIVES EXCEPT ALPHA BLOCKERS")
                .contains("expanded to the class's current members");
    }

    /**
     * Issue 14 item 2: an NDF-RT "Critical" pair that the product label contraindicates is contraindicated, as
     * NDF-RT's own grading (triazolam + ketoconazole: NDF-RT Critical; FDA label Halcion 2023 contraindication).
     */
    @Test
    void an_ndf_rt_critical_pair_the_label_contraindicates_is_contraindicated() {
        SafetyAlert alert = interaction("triazolam", "ketoconazole");
        assertThat(alert.severity()).isEqualTo(Severity.CONTRAINDICATED);
        assertThat(alert.sources())
                .filteredOn(g -> g.source().equals("NDF-RT"))
                .singleElement()
                .satisfies(g -> {
                    assertThat(g.sourceSeverity()).isEqualTo("Critical");
                    assertThat(g.severity()).isEqualTo(Severity.CONTRAINDICATED);
                });
    }
}
