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
 * Issue 14 item 1 (ADR 0025): salts, esters and hydrates map to their active moiety; the rules, classes, groups and
 * allergies of the moiety apply to every form and the other way round, and the dose check keeps the form. Sources
 * of each link in {@code moieties.tsv} and {@code salt-names.tsv}: ANSM Thesaurus des interactions médicamenteuses
 * 2016 (rules written for "sels de potassium", "sels de calcium", "sels de fer", lithium); USP monographs and USP
 * Monograph Naming Policy for Salt Drug Substances (2013); WHO INN "names for radicals, groups and others" (2012);
 * FDA labels (K-Tab potassium chloride 2021: contraindicated with potassium-sparing diuretics; Eskalith/lithium
 * 2022; Synthroid 2022: separate from calcium and iron by 4 h; Depakote 2023).
 */
class MedsafetyIngredientHierarchyTests {

    static final KnowledgeBase KB = KnowledgeBaseLoader.fromClasspath();
    static final SafetyEngine ENGINE = SafetyEngine.with(KB);

    static MedicationCheckResult check(String proposed, String active) {
        return ENGINE.check(new MedicationCheckRequest(
                null, List.of(ProposedDrug.of(proposed)), List.of(ActiveMedication.of(active)), List.of()));
    }

    static SafetyAlert interaction(String proposed, String active) {
        MedicationCheckResult result = check(proposed, active);
        assertThat(result.complete())
                .as(proposed + " and " + active + " are known")
                .isTrue();
        List<SafetyAlert> alerts = result.alerts().stream()
                .filter(a -> a.type() == AlertType.INTERACTION)
                .toList();
        assertThat(alerts).as(proposed + " + " + active).hasSize(1);
        return alerts.getFirst();
    }

    /**
     * The moiety's rule reaches the salt a doctor orders: before the hierarchy, potassium chloride + spironolactone
     * was only NDF-RT's "Significant" (moderate) and potassium citrate + amiloride nothing at all, while ANSM writes
     * its "CI - ASDEC" rule for POTASSIUM.
     */
    @ParameterizedTest(name = "{0} + {1} -> at least {2} ({3})")
    @CsvSource({
        // ANSM POTASSIUM x potassium-sparing diuretics "CI - ASDEC"; FDA label K-Tab 2021 (contraindicated)
        "potassium chloride, spironolactone, MAJOR, ANSM",
        "spironolactone, potassium chloride, MAJOR, ANSM",
        "potassium citrate, amiloride, MAJOR, ANSM",
        "potassium bicarbonate, eplerenone, MAJOR, ANSM",
        "염화칼륨, spironolactone, MAJOR, ANSM",
        // ANSM POTASSIUM x ACE inhibitors / sartans "association déconseillée" (hyperkalaemia)
        "potassium chloride, lisinopril, MAJOR, ANSM",
        "potassium gluconate, losartan, MAJOR, ANSM",
        // ANSM CALCIUM ("sels de calcium") x levothyroxine / tetracyclines / bisphosphonates: precaution (4 h apart)
        "calcium carbonate, levothyroxine, MODERATE, ANSM",
        "calcium acetate, doxycycline, MODERATE, ANSM",
        "calcium citrate, alendronate, MODERATE, ANSM",
        "탄산칼슘, levothyroxine, MODERATE, ANSM",
        // ANSM FER ("sels de fer par voie orale") x fluoroquinolones / levothyroxine
        "ferrous sulfate, ciprofloxacin, MODERATE, ANSM",
        "ferrous fumarate, levothyroxine, MODERATE, ANSM",
        // ANSM LITHIUM x NSAIDs / ACE inhibitors "association déconseillée"; FDA lithium label 2022
        "lithium carbonate, indomethacin, MAJOR, ANSM",
        "lithium citrate, enalapril, MAJOR, ANSM",
        // valproate salts (FDA label Depakote 2023): ANSM VALPROIQUE ACIDE x carbamazepine
        "divalproex sodium, carbamazepine, MODERATE, ANSM",
        "sodium valproate, carbamazepine, MODERATE, ANSM"
    })
    void the_moietys_rules_apply_to_its_salts(String proposed, String active, Severity atLeast, String source) {
        SafetyAlert alert = interaction(proposed, active);
        assertThat(alert.severity()).as(alert.whatHappens()).isLessThanOrEqualTo(atLeast);
        assertThat(alert.sources()).extracting(SourceGrading::source).contains(source);
    }

    /** And the other way round: the form's own rule (NDF-RT potassium chloride) is listed when the moiety is given. */
    @Test
    void the_forms_rules_apply_to_the_moiety_and_both_sources_are_listed() {
        SafetyAlert alert = interaction("potassium", "spironolactone");
        assertThat(alert.sources()).extracting(SourceGrading::source).containsExactlyInAnyOrder("ANSM", "NDF-RT");
        // ANSM "CI - ASDEC": contraindicated outside hypokalaemia (issue 14 item 2); NDF-RT "Significant"
        assertThat(alert.severity()).isEqualTo(Severity.CONTRAINDICATED);
        assertThat(alert.sources().getFirst().sourceSeverity()).isEqualTo("CI - ASDEC");
    }

    /** The alert names the moiety when it is why the rule matched. */
    @Test
    void the_alert_names_the_salt_and_its_moiety() {
        SafetyAlert alert = interaction("potassium chloride", "spironolactone");
        assertThat(alert.whatHappens()).startsWith("Potassium chloride (potassium) + Spironolactone");
        assertThat(alert.drugs().getFirst().id()).isEqualTo("DB00761"); // what was ordered stays the form
    }

    /** Salts and esters named the way labels and prescriptions name them resolve to the moiety's ingredient. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "amlodipine besylate, amlodipine",
        "amlodipine besilate 5 mg tablet, amlodipine",
        "metoprolol succinate, metoprolol",
        "metoprolol tartrate 50 mg, metoprolol",
        "losartan potassium, losartan",
        "atorvastatin calcium trihydrate, atorvastatin",
        "rosuvastatin calcium, rosuvastatin",
        "sertraline hydrochloride, sertraline",
        "metformin HCl 500 mg, metformin",
        "levothyroxine sodium, levothyroxine",
        "clopidogrel bisulfate, clopidogrel",
        "clopidogrel hydrogen sulfate, clopidogrel",
        "montelukast sodium, montelukast",
        "esomeprazole magnesium, esomeprazole",
        "pantoprazole sodium, pantoprazole",
        "doxycycline hyclate, doxycycline",
        "amoxicillin trihydrate, amoxicillin",
        "olmesartan medoxomil, olmesartan",
        "candesartan cilexetil, candesartan",
        "quetiapine fumarate, quetiapine",
        "bisoprolol fumarate, bisoprolol",
        "warfarin sodium, warfarin",
        "diclofenac sodium, diclofenac",
        "naproxen sodium, naproxen",
        "tramadol hydrochloride, tramadol",
        "morphine sulfate, morphine",
        "hydroxychloroquine sulfate, hydroxychloroquine",
        "tamsulosin hydrochloride, tamsulosin",
        "alendronate sodium, alendronic acid",
        "sodium valproate, valproic acid",
        "valproate, valproic acid",
        "암로디핀베실산염, amlodipine",
        "메트포르민염산염, metformin",
        "로사르탄칼륨, losartan",
        "아토르바스타틴칼슘수화물, atorvastatin",
        "클로피도그렐황산수소염, clopidogrel",
        "암로디핀 베실산염, amlodipine"
    })
    void salt_names_resolve_to_the_moiety(String salt, String moiety) {
        assertThat(ENGINE.codeSubstance(salt)).as(salt).isNotNull().isEqualTo(ENGINE.codeSubstance(moiety));
    }

    /** Names that only look like salts stay what they are, and unknown ones stay unknown (never a silent pass). */
    @ParameterizedTest(name = "{0} is not stripped to another drug")
    @CsvSource({"potassium chloride, DB00761", "calcium acetate, DB00258", "calcium carbonate, DB06724"})
    void a_salt_the_kb_knows_keeps_its_own_accession(String name, String accession) {
        assertThat(ENGINE.codeSubstance(name)).isEqualTo(accession);
    }

    @Test
    void a_name_of_salt_words_only_or_an_unknown_base_stays_unknown() {
        assertThat(ENGINE.codeSubstance("sodium chloride hydrochloride")).isNull();
        assertThat(ENGINE.codeSubstance("zzzfakeamine hydrochloride")).isNull();
        MedicationCheckResult result = check("zzzfakeamine hydrochloride", "spironolactone");
        assertThat(result.complete()).isFalse();
    }

    /** Allergies and duplicates are matched on the moiety: two potassium salts are one ingredient twice. */
    @Test
    void two_salts_of_one_moiety_are_a_duplicate() {
        MedicationCheckResult result = check("potassium chloride", "potassium citrate");
        assertThat(result.alerts()).anySatisfy(a -> assertThat(a.ruleId()).isEqualTo("DUP-SAME-INGREDIENT"));
    }

    @Test
    void an_allergy_recorded_for_a_salt_reaches_the_moiety() {
        MedicationCheckResult result = ENGINE.check(new MedicationCheckRequest(
                null,
                List.of(ProposedDrug.of("amoxicillin")),
                List.of(),
                List.of(RecordedAllergy.freeText("amoxicillin trihydrate"))));
        assertThat(result.alerts()).anySatisfy(a -> assertThat(a.ruleId()).isEqualTo("ALG-SAME-INGREDIENT"));
    }

    /** Every link of the curated table names a known moiety and is not a chain (validated at load). */
    @Test
    void every_form_links_to_a_moiety_that_is_no_form() {
        assertThat(KB.moieties()).isNotEmpty();
        KB.moieties().forEach((form, moiety) -> {
            assertThat(KB.knows(moiety)).isTrue();
            assertThat(KB.moiety(moiety)).isEqualTo(moiety);
            assertThat(KB.moiety(form)).isEqualTo(moiety);
        });
    }
}
