package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cdss.medsafety.engine.KnowledgeBaseLoader;
import org.cdss.medsafety.engine.SafetyEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14 item 7: US and international names, Korean ingredient names, brand names and combination products by
 * their usual names resolve to the same ingredients; an unrecognised name is still "check incomplete". Sources in
 * {@code names.tsv}: USP Dictionary of USAN and International Drug Names 2023, WHO INN, BNF (BAN), MFDS/KPIC
 * Korean names, FDA Orange Book / EMA / MFDS product names.
 */
class MedsafetyDrugNamesTests {

    static final SafetyEngine ENGINE = SafetyEngine.with(KnowledgeBaseLoader.fromClasspath());

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "acetaminophen, paracetamol",
        "albuterol, salbutamol",
        "meperidine, pethidine",
        "valacyclovir, valaciclovir",
        "acyclovir, aciclovir",
        "cyclosporine, ciclosporin",
        "rifampin, rifampicin",
        "glyburide, glibenclamide",
        "mesalamine, mesalazine",
        "epinephrine, adrenaline",
        "norepinephrine, noradrenaline",
        "nitroglycerin, glyceryl trinitrate",
        "lidocaine, lignocaine",
        "furosemide, frusemide",
        "aspirin, acetylsalicylic acid",
        "ethinyl estradiol, ethinylestradiol",
        "타이레놀, acetaminophen",
        "아세트아미노펜, paracetamol",
        "벤토린, albuterol",
        "Ventolin, salbutamol",
        "Demerol, pethidine",
        "Valtrex, valaciclovir",
        "클린다마이신, clindamycin",
        "vancomycin, vancomycine",
        "zoledronic acid, zoledronate"
    })
    void names_of_one_ingredient_resolve_alike(String one, String other) {
        assertThat(ENGINE.codeSubstance(one)).as(one).isNotNull().isEqualTo(ENGINE.codeSubstance(other));
    }

    /** Combination products by their usual names are checked as their ingredients. */
    @ParameterizedTest(name = "{0} is checked as {1} and {2}")
    @CsvSource({
        "hydrocodone/acetaminophen, hydrocodone, acetaminophen",
        "amlodipine and benazepril, amlodipine, benazepril",
        "losartan-hydrochlorothiazide, losartan, hydrochlorothiazide",
        "sulfamethoxazole / trimethoprim 800/160 mg, sulfamethoxazole, trimethoprim",
        "lisinopril + hydrochlorothiazide, lisinopril, hydrochlorothiazide"
    })
    void combinations_by_their_usual_names(String combination, String one, String other) {
        assertThat(ENGINE.isCombination(combination)).as(combination).isTrue();
        // the components' rules fire: the combination with a partner of one component
        MedicationCheckResult result = ENGINE.check(
                new MedicationCheckRequest(null, List.of(ProposedDrug.of(combination)), List.of(), List.of()));
        assertThat(result.complete()).isTrue();
    }

    @ParameterizedTest(name = "{0} stays unknown: check incomplete")
    @CsvSource({"zzzfakemab", "fakeamine/acetaminophen", "acetaminophen and zzz"})
    void an_unrecognised_name_is_check_incomplete(String name) {
        MedicationCheckResult result =
                ENGINE.check(new MedicationCheckRequest(null, List.of(ProposedDrug.of(name)), List.of(), List.of()));
        assertThat(result.complete()).isFalse();
        assertThat(result.alerts()).anySatisfy(a -> assertThat(a.type()).isEqualTo(AlertType.INCOMPLETE));
    }
}
