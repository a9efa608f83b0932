package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cdss.medsafety.engine.KnowledgeBaseLoader;
import org.cdss.medsafety.engine.SafetyEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dose limits by age band ({@code dose-bands.tsv}): the documented examples. Paediatric maxima are per kg (AAP
 * clinical report, Pediatrics 2011;127:580: acetaminophen 15 mg/kg a dose, 75 mg/kg a day; ibuprofen 10 mg/kg a
 * dose, 40 mg/kg a day), capped by the adult maxima; the elderly zolpidem limit is the 2013 Ambien label's 5 mg.
 */
class MedsafetyDoseBandTests {

    static final SafetyEngine ENGINE = SafetyEngine.with(KnowledgeBaseLoader.fromClasspath());

    static List<SafetyAlert> check(String drug, double dose, int perDay, Integer age, Double weight) {
        MedicationCheckResult result = ENGINE.check(new MedicationCheckRequest(
                null, List.of(ProposedDrug.dosed(drug, dose, "mg", perDay)), List.of(), List.of(), age, weight));
        return result.alerts().stream()
                .filter(a -> a.type() == AlertType.DOSE || a.type() == AlertType.INCOMPLETE)
                .toList();
    }

    static List<String> rules(List<SafetyAlert> alerts) {
        return alerts.stream().map(SafetyAlert::ruleId).toList();
    }

    @ParameterizedTest(name = "{0} {1} mg x{2}/day, {3} y, {4} kg -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # drug        | mg   | /day | age | kg | rules
            acetaminophen | 300  | 4    | 6   | 20 | -
            acetaminophen | 320  | 4    | 6   | 20 | DOSE-PAED-MAX-SINGLE:DB00316
            acetaminophen | 320  | 5    | 6   | 20 | DOSE-PAED-MAX-SINGLE:DB00316 DOSE-PAED-MAX-DAILY:DB00316
            acetaminophen | 300  | 5    | 6   | 20 | -
            acetaminophen | 300  | 6    | 6   | 20 | DOSE-PAED-MAX-DAILY:DB00316
            acetaminophen | 1000 | 4    | 16  | 80 | -
            acetaminophen | 1200 | 3    | 16  | 80 | DOSE-PAED-MAX-SINGLE:DB00316
            ibuprofen     | 100  | 5    | 3   | 10 | DOSE-PAED-MAX-DAILY:DB01050
            ibuprofen     | 100  | 4    | 3   | 10 | -
            ibuprofen     | 100  | 3    | 3   | 10 | -
            ibuprofen     | 150  | 3    | 3   | 10 | DOSE-PAED-MAX-SINGLE:DB01050 DOSE-PAED-MAX-DAILY:DB01050
            zolpidem      | 10   | 1    | 70  | -  | DOSE-ELDERLY-MAX-SINGLE:DB00425 DOSE-ELDERLY-MAX-DAILY:DB00425
            zolpidem      | 5    | 1    | 70  | -  | -
            zolpidem      | 10   | 1    | 40  | -  | -
            zolpidem      | 10   | 1    | -   | -  | -
            acetaminophen | 1000 | 4    | 80  | -  | -
            """)
    void documented_examples(String drug, double mg, int perDay, Integer age, Double kg, String expected) {
        assertThat(rules(check(drug, mg, perDay, age, kg)))
                .containsExactlyInAnyOrderElementsOf(expected == null ? List.of() : List.of(expected.split(" ")));
    }

    @Test
    void a_child_without_a_weight_gets_incomplete_weight_needed_not_the_adult_limits() {
        List<SafetyAlert> alerts = check("acetaminophen", 1000, 4, 6, null);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.INCOMPLETE);
            assertThat(a.ruleId()).isEqualTo("INCOMPLETE-DOSE-WEIGHT:DB00316");
            assertThat(a.whatHappens()).startsWith("Incomplete: weight needed.");
            assertThat(a.citation()).contains("Pediatrics 2011");
        });
    }

    @Test
    void a_child_given_a_drug_without_cited_paediatric_limits_is_told_the_dose_was_not_checked() {
        // amoxicillin has adult label maxima but no paediatric row: a 5-year-old's 5 g is not "within adult limits"
        MedicationCheckResult result = ENGINE.check(new MedicationCheckRequest(
                null, List.of(ProposedDrug.dosed("amoxicillin", 250, "mg", 3)), List.of(), List.of(), 5, 18.0));
        assertThat(result.complete()).isFalse();
        assertThat(result.alerts()).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("INCOMPLETE-DOSE-PAEDIATRIC:DB01060");
            assertThat(a.whatHappens())
                    .contains("adult dose limits do not apply")
                    .contains("NOT checked");
        });
    }

    @Test
    void the_paediatric_limit_is_capped_by_the_adult_maximum() {
        // 15 mg/kg x 100 kg = 1500 mg, but the adult single maximum is 1000 mg
        assertThat(check("acetaminophen", 1100, 1, 17, 100.0)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DOSE-PAED-MAX-SINGLE:DB00316");
            assertThat(a.whatHappens()).contains("maximum single dose of 1000 mg");
        });
    }

    @Test
    void without_an_age_the_adult_limits_apply_as_before() {
        assertThat(rules(check("acetaminophen", 1500, 1, null, null))).containsExactly("DOSE-MAX-SINGLE:DB00316");
    }
}
