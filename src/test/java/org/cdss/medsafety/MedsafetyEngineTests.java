package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cdss.medsafety.engine.KnowledgeBase;
import org.cdss.medsafety.engine.KnowledgeBaseLoader;
import org.cdss.medsafety.engine.SafetyEngine;
import org.cdss.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine on the committed knowledge base, with well-known real interactions and non-interactions drawn from
 * the sources, the allergy rules of the 2022 AAAAI/ACAAI practice parameter, duplicates, dose, and the fail-safe.
 */
class MedsafetyEngineTests {

    static final SafetyEngine ENGINE = SafetyEngine.with(KnowledgeBaseLoader.fromClasspath());

    static MedicationCheckResult check(List<String> proposed, List<String> active, List<RecordedAllergy> allergies) {
        return ENGINE.check(new MedicationCheckRequest(
                null,
                proposed.stream().map(ProposedDrug::of).toList(),
                active.stream().map(ActiveMedication::of).toList(),
                allergies));
    }

    static List<SafetyAlert> of(MedicationCheckResult result, AlertType type) {
        return result.alerts().stream().filter(a -> a.type() == type).toList();
    }

    @ParameterizedTest(name = "{0} + {1} is {2}")
    @CsvSource({
        "simvastatin, clarithromycin, CONTRAINDICATED, ONC-HIGH",
        "Simvastatin, Clarithromycin, CONTRAINDICATED, ONC-HIGH",
        "sildenafil, isosorbide mononitrate, CONTRAINDICATED, ANSM",
        "DB00203, DB00883, CONTRAINDICATED, ANSM",
        "심바스타틴, 클래리스로마이신, CONTRAINDICATED, ONC-HIGH",
        "Zocor, Klaricid, CONTRAINDICATED, ONC-HIGH"
    })
    void well_known_contraindicated_pairs_are_hard_stops(String a, String b, Severity severity, String source) {
        MedicationCheckResult result = check(List.of(a, b), List.of(), List.of());
        List<SafetyAlert> interactions = of(result, AlertType.INTERACTION);
        assertThat(result.complete()).isTrue();
        assertThat(interactions).hasSize(1);
        SafetyAlert alert = interactions.getFirst();
        assertThat(alert.severity()).isEqualTo(severity);
        assertThat(alert.tier()).isEqualTo(AlertTier.HARD_STOP);
        assertThat(alert.source()).isEqualTo(source);
        assertThat(alert.citation()).isNotBlank();
        assertThat(alert.kbVersion()).isEqualTo(result.kb().version());
        assertThat(alert.whatToDo()).isNotBlank();
    }

    @Test
    void simvastatin_with_clarithromycin_lists_the_other_sources_as_related() {
        SafetyAlert alert = of(
                        check(List.of("simvastatin", "clarithromycin"), List.of(), List.of()), AlertType.INTERACTION)
                .getFirst();
        assertThat(alert.ruleId()).isEqualTo("ONC-HIGH:DB00641:DB01211");
        assertThat(alert.relatedRuleIds()).contains("ANSM:DB00641:DB01211", "NDF-RT:DB00641:DB01211");
    }

    @Test
    void warfarin_with_aspirin_is_flagged_through_the_ansm_thesaurus() {
        MedicationCheckResult result = check(List.of("aspirin"), List.of("warfarin"), List.of());
        List<SafetyAlert> interactions = of(result, AlertType.INTERACTION);
        assertThat(interactions).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo("ANSM");
            assertThat(a.drugs()).extracting(InvolvedDrug::id).containsExactly("DB00945", "DB00682");
            assertThat(a.drugs()).extracting(InvolvedDrug::role).containsExactly("PROPOSED", "ACTIVE");
        });
    }

    @ParameterizedTest(name = "{0} + {1}: no interaction")
    @CsvSource({"amoxicillin, acetaminophen", "amlodipine, metformin", "simvastatin, metformin"})
    void common_safe_pairs_raise_no_interaction(String a, String b) {
        MedicationCheckResult result = check(List.of(a, b), List.of(), List.of());
        assertThat(result.alerts()).isEmpty();
        assertThat(result.complete()).isTrue();
    }

    /**
     * ADR 0061: a drug no interaction source covers (today's sources do not name cetirizine, gabapentin, edoxaban or
     * clavulanic acid) cannot be checked against the other drugs; the check says so and is not complete, whichever
     * side the drug is on. Alone, with nothing to pair it with, it raises nothing.
     */
    @ParameterizedTest(name = "{0} with active {1}: {2} not screened")
    @CsvSource({
        "cetirizine, acetaminophen, Cetirizine, PROPOSED",
        "edoxaban, ibuprofen, Edoxaban, PROPOSED",
        "aspirin, gabapentin, Gabapentin, ACTIVE",
        "Augmentin, warfarin, Clavulanic acid (in Augmentin), PROPOSED"
    })
    void a_drug_no_interaction_source_covers_makes_the_check_incomplete(
            String proposed, String active, String unscreened, String role) {
        MedicationCheckResult result = check(List.of(proposed), List.of(active), List.of());
        assertThat(result.complete()).isFalse();
        assertThat(of(result, AlertType.INCOMPLETE)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("INCOMPLETE-NOT-SCREENED");
            assertThat(a.drugs()).extracting(InvolvedDrug::name).containsExactly(unscreened);
            assertThat(a.drugs()).extracting(InvolvedDrug::role).containsExactly(role);
            assertThat(a.whatHappens()).contains("NOT checked").contains("ANSM");
            assertThat(OverridePolicy.blocks(a)).isTrue();
        });
        assertThat(check(List.of(proposed), List.of(), List.of()).alerts())
                .noneMatch(a -> a.ruleId().equals("INCOMPLETE-NOT-SCREENED"));
    }

    /**
     * ADR 0061: ANSM rows whose French name the merged dataset left without a DrugBank accession are mapped through
     * the English INN ("GENTAMICINE", "ACECLOFENAC", "MIRABEGRON"); before, these drugs had no rule at all.
     */
    @ParameterizedTest(name = "{0} + {1}: {2} (ANSM)")
    @CsvSource({
        "gentamicin, furosemide, MODERATE",
        "aceclofenac, warfarin, MAJOR",
        "aceclofenac, celecoxib, MAJOR",
        "mirabegron, metoprolol, MODERATE"
    })
    void ansm_rules_named_only_in_french_are_found(String a, String b, Severity severity) {
        MedicationCheckResult result = check(List.of(a), List.of(b), List.of());
        assertThat(of(result, AlertType.INTERACTION)).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(severity);
            assertThat(alert.sources()).anyMatch(s -> s.source().equals("ANSM"));
        });
        assertThat(result.complete()).isTrue();
    }

    @Test
    void active_medications_are_not_checked_against_each_other() {
        MedicationCheckResult result =
                check(List.of("acetaminophen"), List.of("simvastatin", "clarithromycin"), List.of());
        assertThat(result.alerts()).isEmpty();
    }

    static Stream<Arguments> allergies() {
        return Stream.of(
                Arguments.of(
                        RecordedAllergy.coded("DB01053"), "amoxicillin", Severity.CONTRAINDICATED, "ALG-PEN-CLASS"),
                Arguments.of(
                        RecordedAllergy.freeText("penicillin"),
                        "amoxicillin",
                        Severity.CONTRAINDICATED,
                        "ALG-PEN-CLASS"),
                Arguments.of(RecordedAllergy.freeText("페니실린"), "아목시실린", Severity.CONTRAINDICATED, "ALG-PEN-CLASS"),
                Arguments.of(
                        RecordedAllergy.freeText("amoxicillin"),
                        "amoxicillin",
                        Severity.CONTRAINDICATED,
                        "ALG-SAME-INGREDIENT"),
                Arguments.of(RecordedAllergy.coded("DB01060"), "cephalexin", Severity.MAJOR, "ALG-AMINOPEN-R1-CEPH"),
                Arguments.of(RecordedAllergy.coded("DB01060"), "cefadroxil", Severity.MAJOR, "ALG-AMINOPEN-R1-CEPH"),
                Arguments.of(RecordedAllergy.coded("DB01060"), "ceftriaxone", Severity.INFO, "ALG-PEN-CEPH"),
                Arguments.of(RecordedAllergy.freeText("penicillin"), "meropenem", Severity.MINOR, "ALG-PEN-CARBAPENEM"),
                Arguments.of(RecordedAllergy.freeText("aspirin"), "ibuprofen", Severity.MAJOR, "ALG-NSAID-CROSS"),
                Arguments.of(RecordedAllergy.freeText("ibuprofen"), "celecoxib", Severity.MODERATE, "ALG-NSAID-COX2"),
                Arguments.of(RecordedAllergy.coded("DB01015"), "furosemide", Severity.INFO, "ALG-SULFA-NONABX"),
                Arguments.of(
                        RecordedAllergy.freeText("sulfa"), "hydrochlorothiazide", Severity.INFO, "ALG-SULFA-NONABX"));
    }

    @ParameterizedTest(name = "allergy {0} + {1} -> {2} ({3})")
    @MethodSource("allergies")
    void allergy_rules_follow_the_2022_practice_parameter(
            RecordedAllergy allergy, String drug, Severity severity, String rule) {
        MedicationCheckResult result = check(List.of(drug), List.of(), List.of(allergy));
        assertThat(of(result, AlertType.ALLERGY)).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(severity);
            assertThat(a.tier()).isEqualTo(severity.tier());
            assertThat(a.ruleId()).isEqualTo(rule);
            assertThat(a.citation()).isNotBlank();
        });
        assertThat(result.complete()).isTrue();
    }

    @Test
    void penicillin_allergy_blocks_amoxicillin_with_a_hard_stop() {
        MedicationCheckResult result =
                check(List.of("amoxicillin"), List.of(), List.of(RecordedAllergy.freeText("Penicillin")));
        assertThat(of(result, AlertType.ALLERGY))
                .singleElement()
                .satisfies(a -> assertThat(a.tier()).isEqualTo(AlertTier.HARD_STOP));
    }

    @Test
    void amoxicillin_allergy_warns_on_cephalexin_but_does_not_stop() {
        SafetyAlert alert = of(
                        check(List.of("cephalexin"), List.of(), List.of(RecordedAllergy.freeText("amoxicillin"))),
                        AlertType.ALLERGY)
                .getFirst();
        assertThat(alert.tier()).isEqualTo(AlertTier.INTERRUPTIVE);
        assertThat(alert.citation()).contains("2022");
    }

    @ParameterizedTest(name = "sulfonamide antibiotic allergy does not block {0}")
    @CsvSource({"furosemide", "hydrochlorothiazide", "celecoxib", "glimepiride"})
    void sulfamethoxazole_allergy_does_not_block_non_antibiotic_sulfonamides(String drug) {
        MedicationCheckResult result =
                check(List.of(drug), List.of(), List.of(RecordedAllergy.freeText("sulfamethoxazole")));
        assertThat(result.alerts()).allSatisfy(a -> assertThat(a.tier()).isEqualTo(AlertTier.INFORMATIONAL));
        assertThat(result.complete()).isTrue();
    }

    // A drug of the allergen class with no cross-sensitivity rule for it: the class rule alone (no related rules).
    // This once threw UnsupportedOperationException (sorting an empty immutable list) and failed the whole check.
    @ParameterizedTest(name = "allergy {0} + {1}: same class")
    @CsvSource({"cephalosporins, cefdinir", "cephalosporins, cefixime", "carbapenems, imipenem"})
    void a_class_allergy_flags_a_member_of_the_class_without_a_cross_sensitivity_rule(String allergy, String drug) {
        MedicationCheckResult result = check(List.of(drug), List.of(), List.of(RecordedAllergy.freeText(allergy)));
        assertThat(of(result, AlertType.ALLERGY)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("ALG-SAME-CLASS");
            assertThat(a.severity()).isEqualTo(Severity.MAJOR);
            assertThat(a.relatedRuleIds()).isEmpty();
            assertThat(a.whatHappens())
                    .contains("belongs to the allergen class")
                    .contains(allergy);
        });
        assertThat(result.complete()).isTrue();
    }

    @Test
    void duplicate_ibuprofen_and_naproxen_is_flagged() {
        MedicationCheckResult result = check(List.of("ibuprofen", "naproxen"), List.of(), List.of());
        assertThat(of(result, AlertType.DUPLICATE)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DUP-NSAIDS");
            assertThat(a.tier()).isEqualTo(AlertTier.INTERRUPTIVE);
        });
    }

    @ParameterizedTest(name = "{0} + {1} duplicate ({2})")
    @CsvSource({
        "atorvastatin, rosuvastatin, DUP-STATINS",
        "losartan, lisinopril, DUP-RAAS",
        "omeprazole, esomeprazole, DUP-PPI",
        "sertraline, escitalopram, DUP-SSRI",
        "warfarin, apixaban, DUP-ANTICOAGULANTS",
        // every heparin and low-molecular-weight heparin is an anticoagulant (the ANSM heparin class and the LMWHs
        // it does not list), and two P2Y12 inhibitors are a duplicate (Angiolillo DJ et al., Circulation 2017)
        "enoxaparin, dalteparin, DUP-ANTICOAGULANTS",
        "enoxaparin, fondaparinux, DUP-ANTICOAGULANTS",
        "heparin, tinzaparin, DUP-ANTICOAGULANTS",
        "clopidogrel, ticagrelor, DUP-P2Y12",
        "clopidogrel, prasugrel, DUP-P2Y12",
        "prasugrel, ticagrelor, DUP-P2Y12",
        "alprazolam, lorazepam, DUP-BENZODIAZEPINES",
        "Tylenol, acetaminophen, DUP-SAME-INGREDIENT"
    })
    void therapeutic_duplicates_are_flagged(String a, String b, String rule) {
        MedicationCheckResult result = check(List.of(a), List.of(b), List.of());
        assertThat(of(result, AlertType.DUPLICATE))
                .extracting(SafetyAlert::ruleId)
                .containsExactly(rule);
    }

    /**
     * A combination on the medication list, stored with its combination code ("DB01060+DB00766" for Augmentin), is
     * checked as its components: the amoxicillin in it meets methotrexate (penicillins reduce its renal clearance).
     */
    @Test
    void a_combination_on_the_medication_list_is_checked_as_its_components() {
        String code = ENGINE.codeSubstance("Augmentin");
        assertThat(code).isEqualTo("DB01060+DB00766");
        MedicationCheckResult result = ENGINE.check(new MedicationCheckRequest(
                null,
                List.of(ProposedDrug.of("methotrexate")),
                List.of(new ActiveMedication(code, "Augmentin")),
                List.of()));
        // clavulanic acid is in no interaction source (ADR 0061): its side of the pair is not screened
        assertThat(of(result, AlertType.INCOMPLETE))
                .singleElement()
                .extracting(SafetyAlert::ruleId)
                .isEqualTo("INCOMPLETE-NOT-SCREENED");
        assertThat(of(result, AlertType.INTERACTION))
                .flatExtracting(SafetyAlert::drugs)
                .extracting(d -> d.name().toLowerCase(java.util.Locale.ROOT))
                .anyMatch(n -> n.contains("amoxicillin"));
    }

    /**
     * A combination named by its parts, one of which the KB does not know (no tazobactam in today's sources): the
     * known part is checked (a penicillin allergy reaches piperacillin) and the other reported as not checked; before,
     * the whole product was one unknown drug and only an "incomplete check" acknowledgement was asked.
     */
    @Test
    void a_combination_known_only_in_part_is_checked_for_the_part_it_knows() {
        MedicationCheckResult ordered =
                check(List.of("piperacillin/tazobactam"), List.of(), List.of(RecordedAllergy.freeText("penicillin")));
        assertThat(of(ordered, AlertType.ALLERGY))
                .isNotEmpty()
                .allSatisfy(a ->
                        assertThat(a.drugs().getFirst().name()).isEqualTo("Piperacillin (in piperacillin/tazobactam)"));
        assertThat(of(ordered, AlertType.INCOMPLETE)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("INCOMPLETE-UNKNOWN-DRUG");
            assertThat(a.whatHappens()).contains("tazobactam (in piperacillin/tazobactam)");
        });

        MedicationCheckResult allergic =
                check(List.of("amoxicillin"), List.of(), List.of(RecordedAllergy.freeText("piperacillin/tazobactam")));
        assertThat(of(allergic, AlertType.ALLERGY)).isNotEmpty();
        assertThat(of(allergic, AlertType.INCOMPLETE))
                .singleElement()
                .extracting(SafetyAlert::ruleId)
                .isEqualTo("INCOMPLETE-UNCODED-ALLERGY");
    }

    /**
     * "As needed" (no frequency): the day's total is unknown. One dose above the daily maximum is still above it; below
     * it, the maximum is listed in doses a day instead of being skipped without a word.
     */
    @Test
    void an_as_needed_dose_is_listed_with_the_daily_maximum_and_one_dose_above_it_is_an_alert() {
        MedicationCheckResult prn = ENGINE.check(new MedicationCheckRequest(
                null, List.of(new ProposedDrug(null, "acetaminophen", 1000.0, "mg", null)), List.of(), List.of()));
        assertThat(of(prn, AlertType.DOSE)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DOSE-DAILY-UNCHECKED:DB00316");
            assertThat(a.severity()).isEqualTo(Severity.INFO);
            assertThat(a.whatHappens()).contains("4000 mg").contains("at most 4 doses");
            assertThat(OverridePolicy.blocks(a)).isFalse();
        });
        MedicationCheckResult huge = ENGINE.check(new MedicationCheckRequest(
                null, List.of(new ProposedDrug(null, "acetaminophen", 5000.0, "mg", null)), List.of(), List.of()));
        assertThat(of(huge, AlertType.DOSE))
                .extracting(SafetyAlert::ruleId)
                .contains("DOSE-MAX-DAILY:DB00316", "DOSE-MAX-SINGLE:DB00316")
                .doesNotContain("DOSE-DAILY-UNCHECKED:DB00316");
    }

    /**
     * Oral methotrexate is labelled once a week; its weekly dose taken daily has killed patients (ISMP). A daily
     * frequency is a major dose alert whatever the dose; weekly (no daily frequency) raises nothing.
     */
    @ParameterizedTest(name = "methotrexate {0} mg, {1} a day")
    @CsvSource({"2.5, 1", "10, 1", "7.5, 2"})
    void a_weekly_drug_ordered_daily_is_a_major_dose_alert(double dose, int perDay) {
        MedicationCheckResult daily = ENGINE.check(new MedicationCheckRequest(
                null, List.of(ProposedDrug.dosed("methotrexate", dose, "mg", perDay)), List.of(), List.of()));
        assertThat(of(daily, AlertType.DOSE)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DOSE-WEEKLY-AS-DAILY:DB00563");
            assertThat(a.severity()).isEqualTo(Severity.MAJOR);
            assertThat(a.citation()).contains("ISMP");
            assertThat(OverridePolicy.blocks(a)).isTrue();
        });
        MedicationCheckResult weekly = ENGINE.check(new MedicationCheckRequest(
                null, List.of(new ProposedDrug(null, "methotrexate", dose, "mg", null)), List.of(), List.of()));
        assertThat(of(weekly, AlertType.DOSE)).isEmpty();
    }

    /** Aspirin with a P2Y12 inhibitor is dual antiplatelet therapy, not a duplicate (ESC 2023 ACS guideline). */
    @Test
    void aspirin_with_clopidogrel_is_not_a_duplicate() {
        MedicationCheckResult result = check(List.of("aspirin"), List.of("clopidogrel"), List.of());
        assertThat(of(result, AlertType.DUPLICATE)).isEmpty();
    }

    @Test
    void acetaminophen_six_grams_a_day_is_a_dose_alert() {
        MedicationCheckResult result = ENGINE.check(new MedicationCheckRequest(
                null, List.of(ProposedDrug.dosed("acetaminophen", 1000, "mg", 6)), List.of(), List.of()));
        assertThat(of(result, AlertType.DOSE)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("DOSE-MAX-DAILY:DB00316");
            assertThat(a.whatHappens()).contains("6000 mg").contains("4000 mg");
            assertThat(a.severity()).isEqualTo(Severity.MAJOR);
        });
    }

    @ParameterizedTest(name = "{0} {1} {2} x{3}/day: {4} dose alerts")
    @CsvSource({
        "acetaminophen, 1, g, 4, 0",
        "acetaminophen, 2, g, 1, 1",
        "acetaminophen, 2, g, 3, 2",
        "ibuprofen, 400, mg, 3, 0",
        "ibuprofen, 800, mg, 5, 1",
        "amoxicillin, 500, mg, 3, 0"
    })
    void dose_ranges_use_the_labelled_adult_maxima(String drug, double dose, String unit, int perDay, int alerts) {
        MedicationCheckResult result = ENGINE.check(new MedicationCheckRequest(
                null, List.of(ProposedDrug.dosed(drug, dose, unit, perDay)), List.of(), List.of()));
        assertThat(of(result, AlertType.DOSE)).hasSize(alerts);
        assertThat(result.complete()).isTrue();
    }

    @Test
    void a_dose_in_a_unit_that_cannot_be_compared_is_incomplete() {
        MedicationCheckResult result = ENGINE.check(new MedicationCheckRequest(
                null, List.of(ProposedDrug.dosed("acetaminophen", 2, "tablets", 4)), List.of(), List.of()));
        assertThat(result.complete()).isFalse();
        assertThat(of(result, AlertType.INCOMPLETE))
                .extracting(SafetyAlert::ruleId)
                .containsExactly("INCOMPLETE-DOSE-UNIT");
    }

    @ParameterizedTest(name = "unknown drug \"{0}\" makes the check incomplete")
    @CsvSource({"zorblaxicillin", "DB99999", "foo 500 mg"})
    void an_unknown_drug_makes_the_check_incomplete(String drug) {
        MedicationCheckResult result = check(List.of(drug, "warfarin"), List.of(), List.of());
        assertThat(result.complete()).isFalse();
        assertThat(of(result, AlertType.INCOMPLETE)).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("INCOMPLETE-UNKNOWN-DRUG");
            assertThat(a.tier()).isEqualTo(AlertTier.INTERRUPTIVE);
        });
    }

    @Test
    void an_unknown_active_medication_also_makes_the_check_incomplete() {
        assertThat(check(List.of("warfarin"), List.of("mystery herbal tea"), List.of())
                        .complete())
                .isFalse();
    }

    @Test
    void an_uncodable_free_text_allergy_makes_the_check_incomplete() {
        MedicationCheckResult result = check(
                List.of("amoxicillin"), List.of(), List.of(RecordedAllergy.freeText("the pink pills from last year")));
        assertThat(result.complete()).isFalse();
        assertThat(of(result, AlertType.INCOMPLETE))
                .extracting(SafetyAlert::ruleId)
                .containsExactly("INCOMPLETE-UNCODED-ALLERGY");
    }

    @Test
    void an_empty_order_is_rejected() {
        assertThatThrownBy(() -> check(List.of(), List.of("warfarin"), List.of()))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).fieldProblems())
                        .extracting(DomainException.FieldProblem::pointer)
                        .containsExactly("/proposed"));
    }

    @Test
    void a_thousand_drugs_in_one_request_are_refused_on_their_number() {
        List<String> drugs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            drugs.add(i % 2 == 0 ? "warfarin" : "aspirin");
        }
        // refused on its size (pointer /proposed); how fast is bench/'s business, not asserted here
        assertThatThrownBy(() -> check(drugs, List.of(), List.of()))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).fieldProblems())
                        .extracting(DomainException.FieldProblem::pointer)
                        .containsExactly("/proposed"));
    }

    @Test
    void the_largest_allowed_request_is_checked_completely() {
        List<String> names = new ArrayList<>(KnowledgeBaseLoader.fromClasspath().products().values().stream()
                .map(KnowledgeBase.Product::nameEn)
                .toList());
        List<String> proposed = names.subList(0, MedicationCheckRequest.MAX_PROPOSED);
        List<String> active = names.subList(names.size() - 150, names.size());
        // how fast is measured by bench/medsafety-jmh.sh, not asserted here
        MedicationCheckResult result = check(proposed, active, List.of(RecordedAllergy.freeText("penicillin")));
        // every product is known; the only incompleteness is the products no interaction source covers (ADR 0061)
        assertThat(of(result, AlertType.INCOMPLETE))
                .singleElement()
                .extracting(SafetyAlert::ruleId)
                .isEqualTo("INCOMPLETE-NOT-SCREENED");
        assertThat(result.alerts()).isNotEmpty();
    }

    @Test
    void alerts_come_most_severe_first() {
        MedicationCheckResult result =
                check(List.of("simvastatin", "clarithromycin", "ibuprofen", "naproxen"), List.of(), List.of());
        List<Severity> severities =
                result.alerts().stream().map(SafetyAlert::severity).toList();
        assertThat(severities).isSorted();
    }

    @Test
    void the_drug_search_finds_korean_english_and_brand_names() {
        assertThat(ENGINE.search("타이레놀", 20)).extracting(DrugSuggestion::id).contains("DB00316");
        assertThat(ENGINE.search("아목시", 20)).extracting(DrugSuggestion::id).contains("DB01060");
        assertThat(ENGINE.search("simva", 20))
                .first()
                .extracting(DrugSuggestion::id)
                .isEqualTo("DB00641");
        assertThat(ENGINE.search("lipitor", 20)).extracting(DrugSuggestion::id).containsExactly("DB01076");
        assertThat(ENGINE.search("a", 20)).hasSize(20);
        assertThat(ENGINE.search("  ", 20)).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "Augmentin",
                "augmentin 625 mg",
                "오구멘틴",
                "amoxicillin/clavulanate",
                "Amoxicillin + Clavulanic acid",
                "co-amoxiclav"
            })
    void an_amoxicillin_clavulanate_combination_is_checked_as_its_components(String name) {
        MedicationCheckResult result = check(List.of(name), List.of(), List.of(RecordedAllergy.freeText("penicillin")));
        assertThat(result.complete()).as(result.alerts().toString()).isTrue();
        assertThat(of(result, AlertType.ALLERGY))
                .isNotEmpty()
                .allSatisfy(
                        a -> assertThat(a.drugs()).extracting(InvolvedDrug::id).contains("DB01060"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"Bactrim", "셉트린", "sulfamethoxazole/trimethoprim", "co-trimoxazole", "TMP-SMX"})
    void a_sulfamethoxazole_trimethoprim_combination_is_complete_and_not_checked_against_itself(String name) {
        MedicationCheckResult result = check(List.of(name), List.of("warfarin"), List.of());
        assertThat(result.complete()).as(result.alerts().toString()).isTrue();
        assertThat(of(result, AlertType.INTERACTION))
                .isNotEmpty()
                .allSatisfy(
                        a -> assertThat(a.drugs()).extracting(InvolvedDrug::id).contains("DB00682"));
        assertThat(of(result, AlertType.DUPLICATE)).isEmpty();
    }

    @Test
    void a_combination_atc_code_is_not_mistaken_for_one_ingredient() {
        assertThat(ENGINE.ingredientForAtc("J01CR02")).isNull();
        assertThat(ENGINE.componentsForAtc("J01CR02")).containsExactly("DB01060", "DB00766");
        assertThat(ENGINE.ingredientForAtc("J01FA09")).isEqualTo("DB01211");
    }
}
