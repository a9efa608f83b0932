package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cdss.medsafety.OverridePolicy.Missing;
import org.cdss.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The one rule for "does this alert block, and what does an override need" (issue 10 item 8, ADR 0005). */
class OverridePolicyTests {

    private static final List<OverrideReason> ALL = List.of(OverrideReason.values());

    /** severity × type (incomplete or a finding) → blocks / acknowledgement / reason / comment for which reasons. */
    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            for (AlertType type : AlertType.values()) {
                AlertTier tier = severity.tier();
                boolean incomplete = type == AlertType.INCOMPLETE;
                boolean blocks = incomplete || tier == AlertTier.HARD_STOP || tier == AlertTier.INTERRUPTIVE;
                boolean reason = !incomplete && blocks;
                List<OverrideReason> offered = incomplete || tier == AlertTier.INFORMATIONAL ? List.of() : ALL;
                List<OverrideReason> comment = incomplete || tier == AlertTier.INFORMATIONAL
                        ? List.of()
                        : tier == AlertTier.HARD_STOP ? ALL : List.of(OverrideReason.OTHER);
                rows.add(Arguments.of(severity, tier, type, blocks, incomplete, reason, offered, comment));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}/{1} {2}: blocks={3} ack={4} reason={5} comment for {7}")
    @MethodSource("table")
    void each_alert_gets_its_requirement(
            Severity severity,
            AlertTier tier,
            AlertType type,
            boolean blocks,
            boolean acknowledgement,
            boolean reason,
            List<OverrideReason> reasons,
            List<OverrideReason> commentRequiredFor) {
        SafetyAlert alert = alert(type, severity, tier);
        OverrideRequirement r = alert.override();

        assertThat(r).isEqualTo(OverridePolicy.requirement(type, tier));
        assertThat(r.blocking()).isEqualTo(blocks);
        assertThat(OverridePolicy.blocks(alert)).isEqualTo(blocks);
        assertThat(r.acknowledgementRequired()).isEqualTo(acknowledgement);
        assertThat(r.reasonRequired()).isEqualTo(reason);
        assertThat(r.reasons()).isEqualTo(reasons);
        assertThat(r.commentRequiredFor()).isEqualTo(commentRequiredFor);
        assertThat(SafetyFinding.of(alert).override()).isEqualTo(r);
    }

    /** INCOMPLETE alerts are MAJOR (unknown drug) or MODERATE (a child's dose without weight): both must block. */
    @ParameterizedTest
    @EnumSource(AlertTier.class)
    void an_incomplete_check_is_never_a_silent_pass_whatever_its_tier(AlertTier tier) {
        OverrideRequirement r = OverridePolicy.requirement(AlertType.INCOMPLETE, tier);
        assertThat(r.blocking()).isTrue();
        assertThat(OverridePolicy.missing(List.of(r), null, null, false)).containsExactly(Missing.ACKNOWLEDGEMENT);
        assertThat(OverridePolicy.missing(List.of(r), null, null, true)).isEmpty();
    }

    @Test
    void an_interruptive_alert_needs_a_reason_and_a_comment_only_for_other() {
        var r = List.of(OverridePolicy.requirement(AlertType.INTERACTION, AlertTier.INTERRUPTIVE));
        assertThat(OverridePolicy.missing(r, null, null, false)).containsExactly(Missing.REASON);
        assertThat(OverridePolicy.missing(r, OverrideReason.PATIENT_TOLERATES, null, false))
                .isEmpty();
        assertThat(OverridePolicy.missing(r, OverrideReason.OTHER, " ", false)).containsExactly(Missing.COMMENT);
        assertThat(OverridePolicy.missing(r, OverrideReason.OTHER, "renal dose", false))
                .isEmpty();
    }

    @Test
    void a_hard_stop_needs_a_reason_and_a_comment_whatever_the_reason() {
        var r = List.of(OverridePolicy.requirement(AlertType.INTERACTION, AlertTier.HARD_STOP));
        assertThat(OverridePolicy.missing(r, null, null, false)).containsExactly(Missing.REASON, Missing.COMMENT);
        assertThat(OverridePolicy.missing(r, OverrideReason.BENEFIT_OUTWEIGHS_RISK, null, false))
                .containsExactly(Missing.COMMENT);
        assertThat(OverridePolicy.missing(r, OverrideReason.BENEFIT_OUTWEIGHS_RISK, "CK checked", false))
                .isEmpty();
    }

    @Test
    void mixed_findings_need_everything_each_one_needs() {
        var r = List.of(
                OverridePolicy.requirement(AlertType.ALLERGY, AlertTier.INTERRUPTIVE),
                OverridePolicy.requirement(AlertType.INCOMPLETE, AlertTier.SHOWN),
                OverridePolicy.requirement(AlertType.DOSE, AlertTier.SHOWN));
        assertThat(OverridePolicy.missing(r, null, null, false))
                .containsExactly(Missing.REASON, Missing.ACKNOWLEDGEMENT);
        assertThat(OverridePolicy.missing(r, OverrideReason.OTHER, null, true)).containsExactly(Missing.COMMENT);
        assertThat(OverridePolicy.missing(r, OverrideReason.OTHER, "see note", true))
                .isEmpty();
    }

    @Test
    void a_refused_override_names_the_first_missing_thing_as_a_medsafety_code_with_a_pointer_each() {
        var pointers = new OverridePolicy.Pointers("/r", "/c", "/a");
        var r = List.of(
                OverridePolicy.requirement(AlertType.INTERACTION, AlertTier.INTERRUPTIVE),
                OverridePolicy.requirement(AlertType.INCOMPLETE, AlertTier.INTERRUPTIVE));
        assertThatThrownBy(() -> OverridePolicy.enforce(r, OverrideReason.OTHER, null, false, pointers))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.problem()).isEqualTo(MedsafetyProblem.OVERRIDE_COMMENT_REQUIRED);
                    assertThat(e.problem().type()).isEqualTo("urn:cdss:problem:medsafety.override-comment-required");
                    assertThat(e.fieldProblems())
                            .extracting(DomainException.FieldProblem::pointer)
                            .containsExactly("/c", "/a");
                });
        OverridePolicy.enforce(r, OverrideReason.OTHER, "checked by hand", true, pointers);
    }

    @Test
    void a_passed_in_requirement_is_ignored_the_policy_decides() {
        SafetyAlert forged = new SafetyAlert(
                AlertType.INTERACTION,
                Severity.CONTRAINDICATED,
                AlertTier.HARD_STOP,
                List.of(),
                "x",
                "y",
                "s",
                "c",
                "R",
                List.of(),
                "v",
                new OverrideRequirement(false, false, false, List.of(), List.of()));
        assertThat(forged.override().blocking()).isTrue();
    }

    /**
     * The CDS Hooks indicator (issue 14 item 10): contraindicated → critical; major → warning; moderate → warning
     * with no reason required; minor and info → info; an incomplete check → warning whatever its severity.
     */
    @ParameterizedTest(name = "{0} {1} → {2}, reason required {3}")
    @CsvSource({
        "INTERACTION, CONTRAINDICATED, critical, true",
        "INTERACTION, MAJOR, warning, true",
        "INTERACTION, MODERATE, warning, false",
        "INTERACTION, MINOR, info, false",
        "INTERACTION, INFO, info, false",
        "ALLERGY, CONTRAINDICATED, critical, true",
        "ALLERGY, MAJOR, warning, true",
        "ALLERGY, MODERATE, warning, false",
        "ALLERGY, MINOR, info, false",
        "DUPLICATE, MODERATE, warning, false",
        "DOSE, MAJOR, warning, true",
        "INCOMPLETE, MAJOR, warning, false",
        "INCOMPLETE, MODERATE, warning, false"
    })
    void each_alert_gets_its_cds_hooks_indicator(
            AlertType type, Severity severity, String indicator, boolean reasonRequired) {
        SafetyAlert alert = alert(type, severity, severity.tier());
        assertThat(OverridePolicy.indicator(alert)).isEqualTo(indicator);
        assertThat(OverridePolicy.indicator(type, severity.tier())).isEqualTo(indicator);
        assertThat(CdsHooksService.indicator(alert)).isEqualTo(indicator);
        assertThat(alert.override().reasonRequired()).isEqualTo(reasonRequired);
    }

    private static SafetyAlert alert(AlertType type, Severity severity, AlertTier tier) {
        return new SafetyAlert(
                type,
                severity,
                tier,
                List.of(new InvolvedDrug("DB00641", "simvastatin", "PROPOSED")),
                "what happens",
                "what to do",
                "TEST",
                "citation",
                "RULE-1",
                List.of(),
                "kb-1");
    }
}
