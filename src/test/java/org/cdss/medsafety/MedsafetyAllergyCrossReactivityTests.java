package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.cdss.medsafety.engine.KnowledgeBaseLoader;
import org.cdss.medsafety.engine.SafetyEngine;
import org.cdss.patients.AllergySeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14 item 6: allergy cross-reactivity by beta-lactam side chain, opioid chemical class, aromatic anticonvulsant
 * and sulfonamide antibiotic, each rule cited in {@code allergy-cross-sensitivity.tsv}, graded by the recorded
 * reaction. Sources: Khan DA et al. Drug allergy: A 2022 practice parameter update. J Allergy Clin Immunol
 * 2022;150:1333-93; Zagursky RJ, Pichichero ME. J Allergy Clin Immunol Pract 2018;6:72-81 (the side-chain table);
 * Hirsch LJ et al. Neurology 2006;67:1524-30 (aromatic anticonvulsants); Baldo BA, Pham NH. Anaesth Intensive Care
 * 2012;40:216-35 (opioid classes); Strom BL et al. N Engl J Med 2003;349:1628-35 (sulfonamide non-antibiotics).
 */
class MedsafetyAllergyCrossReactivityTests {

    static final SafetyEngine ENGINE = SafetyEngine.with(KnowledgeBaseLoader.fromClasspath());

    static List<SafetyAlert> allergyAlerts(RecordedAllergy allergy, String proposed) {
        MedicationCheckResult result = ENGINE.check(
                new MedicationCheckRequest(null, List.of(ProposedDrug.of(proposed)), List.of(), List.of(allergy)));
        assertThat(result.complete())
                .as(proposed + " and " + allergy + " are known")
                .isTrue();
        return result.alerts().stream()
                .filter(a -> a.type() == AlertType.ALLERGY)
                .toList();
    }

    @ParameterizedTest(name = "allergy to {0} + {1} -> {2} ({3})")
    @CsvSource({
        // beta-lactams, R1 identical or similar (Zagursky & Pichichero 2018, Table; Khan 2022)
        "amoxicillin, cephalexin, MAJOR, ALG-AMINOPEN-R1-CEPH",
        "ampicillin, cefaclor, MAJOR, ALG-AMINOPEN-R1-CEPH",
        "amoxicillin, cefadroxil, MAJOR, ALG-AMINOPEN-R1-CEPH",
        "cephalexin, amoxicillin, MAJOR, ALG-R1-CEPH-AMINOPEN",
        "ceftriaxone, cefotaxime, MAJOR, ALG-R1-CEFTRIAXONE-GROUP",
        "ceftriaxone, cefepime, MAJOR, ALG-R1-CEFTRIAXONE-GROUP",
        "cefotaxime, cefpodoxime, MAJOR, ALG-R1-CEFTRIAXONE-GROUP",
        "ceftazidime, aztreonam, MAJOR, ALG-R1-CEFTAZIDIME-AZTREONAM",
        "aztreonam, ceftazidime, MAJOR, ALG-R1-CEFTAZIDIME-AZTREONAM",
        // R2 identical
        "cefuroxime, cefoxitin, MODERATE, ALG-R2-CEFUROXIME-CEFOXITIN",
        "cefoxitin, cefuroxime, MODERATE, ALG-R2-CEFUROXIME-CEFOXITIN",
        // opioid chemical classes (Khan 2022; Baldo & Pham 2012)
        "morphine, codeine, MAJOR, ALG-OPIOID-PHENANTHRENE",
        "codeine, hydromorphone, MAJOR, ALG-OPIOID-PHENANTHRENE",
        "oxycodone, morphine, MAJOR, ALG-OPIOID-PHENANTHRENE",
        "fentanyl, pethidine, MAJOR, ALG-OPIOID-PHENYLPIPERIDINE",
        "pethidine, remifentanil, MAJOR, ALG-OPIOID-PHENYLPIPERIDINE",
        // aromatic anticonvulsants (Khan 2022; Hirsch 2006)
        "carbamazepine, oxcarbazepine, MAJOR, ALG-AROMATIC-ANTICONVULSANT",
        "carbamazepine, phenytoin, MAJOR, ALG-AROMATIC-ANTICONVULSANT",
        "phenytoin, phenobarbital, MAJOR, ALG-AROMATIC-ANTICONVULSANT",
        "lamotrigine, carbamazepine, MAJOR, ALG-AROMATIC-ANTICONVULSANT",
        // sulfonamide antibiotics with each other (Khan 2022)
        "sulfamethoxazole, sulfadiazine, CONTRAINDICATED, ALG-SULFA-ABX-CLASS",
        "sulfadiazine, sulfamethoxazole, CONTRAINDICATED, ALG-SULFA-ABX-CLASS",
        "sulfamethoxazole, sulfasalazine, CONTRAINDICATED, ALG-SULFA-ABX-CLASS",
        // iodinated contrast media: a prior allergic-like reaction to one is the risk for any (ACR Manual on Contrast
        // Media 2024); recorded by agent, brand or the word patients use (조영제)
        "iohexol, iopamidol, MAJOR, ALG-ICM-CLASS",
        "iohexol, iodixanol, MAJOR, ALG-ICM-CLASS",
        "조영제, iopamidol, MAJOR, ALG-ICM-CLASS",
        "contrast media, iodixanol, MAJOR, ALG-ICM-CLASS",
        "Omnipaque, iopromide, MAJOR, ALG-ICM-CLASS"
    })
    void each_cross_reactivity_rule_fires(String allergen, String proposed, Severity severity, String rule) {
        List<SafetyAlert> alerts = allergyAlerts(RecordedAllergy.freeText(allergen), proposed);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo(rule);
            assertThat(a.severity()).isEqualTo(severity);
            assertThat(a.tier()).isEqualTo(severity.tier());
            assertThat(a.citation())
                    .containsAnyOf("Khan DA", "ACR Manual on Contrast Media")
                    .containsAnyOf("2022", "2024");
            assertThat(a.whatHappens()).isNotBlank();
        });
    }

    /**
     * No cross-reactivity where the tables show none: aztreonam after a penicillin allergy; a structurally different
     * opioid class or a non-aromatic anticonvulsant; a non-antibiotic sulfonamide after a sulfonamide antibiotic
     * allergy (at most the informational "negligible cross-reactivity" note, which never interrupts).
     */
    @ParameterizedTest(name = "allergy to {0} + {1}: no cross-reactivity alert")
    @CsvSource({
        "penicillin, aztreonam",
        "amoxicillin, aztreonam",
        "benzylpenicillin, aztreonam",
        "ceftriaxone, aztreonam",
        "ceftriaxone, cefazolin",
        "morphine, fentanyl",
        "morphine, methadone",
        "fentanyl, morphine",
        "carbamazepine, levetiracetam",
        "sulfamethoxazole, furosemide",
        "sulfamethoxazole, hydrochlorothiazide",
        "sulfamethoxazole, celecoxib",
        "sulfa, furosemide"
    })
    void no_cross_reactivity_where_the_tables_show_none(String allergen, String proposed) {
        List<SafetyAlert> alerts = allergyAlerts(RecordedAllergy.freeText(allergen), proposed);
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.severity()).isEqualTo(Severity.INFO);
            assertThat(a.override().blocking()).isFalse();
            assertThat(a.ruleId()).isEqualTo("ALG-SULFA-NONABX");
        });
        if (!proposed.equals("furosemide")
                && !proposed.equals("hydrochlorothiazide")
                && !proposed.equals("celecoxib")) {
            assertThat(alerts).isEmpty();
        }
    }

    /**
     * Class members the hand-written group lists forgot are in the group by their WHO INN stem ("-icam", "-profen-",
     * "-fenac", "cef-", "-cillin-"): an NSAID allergy (aspirin-exacerbated disease: every strong COX-1 inhibitor
     * cross-reacts, Kowalski ML et al., Allergy 2019;74:28-39), a cephalosporin or a penicillin allergy reaches them.
     */
    @ParameterizedTest(name = "allergy to {0} + {1} alerts")
    @CsvSource({
        "nsaid, tenoxicam",
        "nsaid, lornoxicam",
        "nsaid, fenoprofen",
        "nsaid, diflunisal",
        "nsaid, tolmetin",
        "cephalosporin, cefoperazone",
        "cephalosporin, cefotetan",
        "cephalosporin, cefamandole",
        "penicillin, mezlocillin",
        "penicillin, carbenicillin"
    })
    void class_members_named_with_the_class_stem_are_reached(String allergen, String proposed) {
        List<SafetyAlert> alerts = allergyAlerts(RecordedAllergy.freeText(allergen), proposed);
        assertThat(alerts)
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.severity().compareTo(Severity.MAJOR))
                        .as(a.ruleId() + " " + a.severity())
                        .isLessThanOrEqualTo(0));
    }

    /**
     * An allergy recorded by a combination product's name is an allergy to each component (the Augmentin label
     * contraindicates it after a reaction to amoxicillin, clavulanate or any beta-lactam): "Augmentin" was coded as
     * clavulanic acid alone, and later penicillin orders passed without an alert.
     */
    @ParameterizedTest(name = "allergy to {0} + {1} -> {2}")
    @CsvSource({
        "Augmentin, amoxicillin, ALG-SAME-INGREDIENT",
        "Augmentin, ampicillin, ALG-PEN-CLASS",
        "Augmentin, piperacillin, ALG-PEN-CLASS",
        "오구멘틴, ampicillin, ALG-PEN-CLASS",
        "co-amoxiclav, piperacillin, ALG-PEN-CLASS",
        "Bactrim, trimethoprim, ALG-SAME-INGREDIENT",
        "Bactrim, sulfadiazine, ALG-SULFA-ABX-CLASS"
    })
    void a_combination_allergy_is_an_allergy_to_each_component(String allergen, String proposed, String rule) {
        assertThat(allergyAlerts(RecordedAllergy.freeText(allergen), proposed))
                .extracting(SafetyAlert::ruleId)
                .contains(rule);
        // stored with the code the registry gives it, and with the single code such records were stored with before
        String code = ENGINE.codeSubstance(allergen);
        assertThat(code).contains("+");
        assertThat(allergyAlerts(new RecordedAllergy(code, allergen), proposed))
                .extracting(SafetyAlert::ruleId)
                .contains(rule);
        if (allergen.equals("Augmentin")) {
            assertThat(allergyAlerts(new RecordedAllergy("DB00766", allergen), proposed))
                    .extracting(SafetyAlert::ruleId)
                    .contains(rule);
        }
    }

    /**
     * A contrast allergy recorded as "조영제" is coded (it left every later check incomplete, an acknowledgement for
     * each unrelated order); "iodine" and shellfish are not contrast allergies and stay uncoded (ACR manual).
     */
    @Test
    void a_contrast_allergy_is_coded_and_an_iodine_or_shellfish_one_is_not_taken_for_it() {
        MedicationCheckResult contrast = ENGINE.check(new MedicationCheckRequest(
                null, List.of(ProposedDrug.of("amlodipine")), List.of(), List.of(RecordedAllergy.freeText("조영제"))));
        assertThat(contrast.complete()).isTrue();
        assertThat(contrast.alerts()).isEmpty();
        for (String notContrast : List.of("iodine", "shellfish")) {
            MedicationCheckResult other = ENGINE.check(new MedicationCheckRequest(
                    null,
                    List.of(ProposedDrug.of("iopamidol")),
                    List.of(),
                    List.of(RecordedAllergy.freeText(notContrast))));
            assertThat(other.alerts()).noneMatch(a -> a.ruleId().equals("ALG-ICM-CLASS"));
        }
    }

    static Stream<Arguments> graded() {
        return Stream.of(
                // the same ingredient
                Arguments.of("amoxicillin", "anaphylaxis", null, "amoxicillin", Severity.CONTRAINDICATED),
                Arguments.of("amoxicillin", "rash", AllergySeverity.MILD, "amoxicillin", Severity.MAJOR),
                Arguments.of("codeine", "nausea and vomiting", AllergySeverity.MILD, "codeine", Severity.MINOR),
                Arguments.of("amoxicillin", null, null, "amoxicillin", Severity.CONTRAINDICATED),
                // anaphylaxis described by its organ systems (NIAID/FAAN criteria, Sampson HA et al., J Allergy Clin
                // Immunol 2006;117:391-7): breathing, circulation or airway involvement, or skin with persistent GI
                // symptoms, is a severe reaction whatever other word comes first
                Arguments.of("amoxicillin", "vomiting and hypotension", null, "amoxicillin", Severity.CONTRAINDICATED),
                Arguments.of(
                        "amoxicillin", "stomach cramps then collapse", null, "amoxicillin", Severity.CONTRAINDICATED),
                Arguments.of(
                        "amoxicillin",
                        "hives, difficulty breathing",
                        AllergySeverity.MILD,
                        "amoxicillin",
                        Severity.CONTRAINDICATED),
                Arguments.of(
                        "amoxicillin",
                        "urticaria, wheezing, throat tightness",
                        null,
                        "amoxicillin",
                        Severity.CONTRAINDICATED),
                Arguments.of(
                        "amoxicillin", "itching and tongue swelling", null, "amoxicillin", Severity.CONTRAINDICATED),
                Arguments.of("amoxicillin", "두드러기, 호흡곤란", null, "amoxicillin", Severity.CONTRAINDICATED),
                Arguments.of("amoxicillin", "구토, 혈압저하", null, "amoxicillin", Severity.CONTRAINDICATED),
                Arguments.of("amoxicillin", "urticaria and vomiting", null, "cephalexin", Severity.CONTRAINDICATED),
                // one system only: a rash with diarrhoea stays a rash, nausea an intolerance
                Arguments.of("amoxicillin", "rash and diarrhea", null, "amoxicillin", Severity.MAJOR),
                Arguments.of("codeine", "nausea", null, "codeine", Severity.MINOR),
                // a cross-reactivity rule (MAJOR when the record does not say)
                Arguments.of("amoxicillin", "Anaphylactic shock", null, "cephalexin", Severity.CONTRAINDICATED),
                Arguments.of("carbamazepine", "Stevens-Johnson syndrome", null, "phenytoin", Severity.CONTRAINDICATED),
                Arguments.of("carbamazepine", "SJS/TEN", null, "lamotrigine", Severity.CONTRAINDICATED),
                Arguments.of("ceftriaxone", "hives", AllergySeverity.MODERATE, "cefepime", Severity.MAJOR),
                Arguments.of("ceftriaxone", null, AllergySeverity.SEVERE, "cefepime", Severity.CONTRAINDICATED),
                Arguments.of("amoxicillin", "urticaria", AllergySeverity.SEVERE, "cephalexin", Severity.MAJOR),
                Arguments.of("morphine", "intolerance: nausea", null, "codeine", Severity.MINOR),
                Arguments.of("morphine", "두드러기", null, "codeine", Severity.MAJOR),
                Arguments.of("morphine", "아나필락시스", null, "codeine", Severity.CONTRAINDICATED),
                Arguments.of("cefuroxime", "urticaria", null, "cefoxitin", Severity.MAJOR),
                Arguments.of("morphine", "unclear", null, "codeine", Severity.MAJOR),
                // a low cross-reactivity note keeps its own grade, whatever the reaction
                Arguments.of("penicillin", "anaphylaxis", AllergySeverity.SEVERE, "meropenem", Severity.MINOR),
                Arguments.of("penicillin", "anaphylaxis", AllergySeverity.SEVERE, "ceftriaxone", Severity.INFO));
    }

    @ParameterizedTest(name = "allergy to {0} ({1}, {2}) + {3} -> {4}")
    @MethodSource("graded")
    void the_recorded_reaction_grades_the_alert(
            String allergen, String reaction, AllergySeverity recorded, String proposed, Severity severity) {
        List<SafetyAlert> alerts =
                allergyAlerts(RecordedAllergy.freeText(allergen).withReaction(reaction, recorded), proposed);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(severity);
            assertThat(a.tier()).isEqualTo(severity.tier());
            boolean said = (reaction != null && !reaction.equals("unclear")) || recorded == AllergySeverity.SEVERE;
            if (said) {
                assertThat(a.whatHappens()).contains("allergy record describes");
            } else {
                assertThat(a.whatHappens()).doesNotContain("allergy record describes");
            }
        });
    }
}
