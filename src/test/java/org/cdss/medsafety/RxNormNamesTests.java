package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RxNorm normalised clinical-drug (SCD) and branded-drug (SBD) names read into their ingredients. */
class RxNormNamesTests {

    @Test
    void a_clinical_drug_of_two_ingredients_gives_both_names() {
        assertThat(RxNormNames.ingredients("amoxicillin 250 MG / clavulanate 62.5 MG per 5 ML Oral Suspension"))
                .containsExactly("amoxicillin", "clavulanate");
        assertThat(RxNormNames.ingredients("Amoxicillin 120 MG/ML / clavulanate potassium 8.58 MG/ML Oral Suspension"))
                .containsExactly("Amoxicillin", "clavulanate potassium");
    }

    @Test
    void a_single_ingredient_clinical_drug_gives_its_ingredient() {
        assertThat(RxNormNames.ingredients("Simvastatin 40 MG Oral Tablet")).containsExactly("Simvastatin");
        assertThat(RxNormNames.ingredients("insulin glargine 100 UNT/ML Injectable Solution"))
                .containsExactly("insulin glargine");
    }

    @Test
    void a_branded_drug_drops_the_brand_in_brackets() {
        assertThat(RxNormNames.ingredients("amoxicillin 875 MG / clavulanate 125 MG Oral Tablet [Augmentin]"))
                .containsExactly("amoxicillin", "clavulanate");
        assertThat(RxNormNames.ingredients("atorvastatin 20 MG Oral Tablet [Lipitor]"))
                .containsExactly("atorvastatin");
    }

    @Test
    void a_name_not_in_rxnorm_shape_gives_nothing() {
        assertThat(RxNormNames.ingredients("Penicillin")).isEmpty();
        assertThat(RxNormNames.ingredients("amoxicillin / clavulanate")).isEmpty();
        assertThat(RxNormNames.ingredients("500 MG Oral Tablet")).isEmpty();
        assertThat(RxNormNames.ingredients(null)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void the_strength_of_a_single_ingredient_clinical_or_branded_drug() {
        assertThat(RxNormNames.strength("Amoxicillin 500 MG Oral Capsule"))
                .isEqualTo(new RxNormNames.Strength(500, "mg"));
        assertThat(RxNormNames.strength("Simvastatin 40 MG Oral Tablet [Zocor]"))
                .isEqualTo(new RxNormNames.Strength(40, "mg"));
        assertThat(RxNormNames.strength("Levothyroxine Sodium 0.1 MG Oral Tablet")
                        .value())
                .isEqualTo(0.1);
        // a combination, a concentration or another shape has no single strength
        assertThat(RxNormNames.strength("Amoxicillin 250 MG / Clavulanate 62.5 MG Oral Tablet"))
                .isNull();
        assertThat(RxNormNames.strength("Acetaminophen 160 MG/5ML Oral Suspension"))
                .isNull();
        assertThat(RxNormNames.strength("amoxicillin")).isNull();
        assertThat(RxNormNames.countsDoseForms("TAB")).isTrue();
        assertThat(RxNormNames.countsDoseForms("mg")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void snomed_allergy_displays_give_their_substance() {
        assertThat(SnomedAllergyNames.substances("Allergy to penicillin (finding)"))
                .contains("penicillin");
        assertThat(SnomedAllergyNames.substances("Amoxicillin (substance)")).contains("amoxicillin");
        assertThat(SnomedAllergyNames.substances("Product containing sulfamethoxazole (medicinal product)"))
                .contains("sulfamethoxazole");
        assertThat(SnomedAllergyNames.substances("Codeine allergy")).contains("codeine");
        assertThat(SnomedAllergyNames.substances("Penicillin")).containsExactly("Penicillin");
    }

    /** Issue 14 item 9: ingredients with their strengths, the dose form and the brand of SCD/SBD names. */
    @Test
    void a_clinical_or_branded_drug_name_gives_strengths_form_and_brand() {
        // the CDS Hooks order-sign R4 example's display (RxNorm 617993)
        RxNormNames.Parsed spec =
                RxNormNames.parse("Amoxicillin 120 MG/ML / clavulanate potassium 8.58 MG/ML Oral Suspension");
        assertThat(spec.components())
                .containsExactly(
                        new RxNormNames.Component("Amoxicillin", 120, "MG/ML"),
                        new RxNormNames.Component("clavulanate potassium", 8.58, "MG/ML"));
        assertThat(spec.doseForm()).isEqualTo("Oral Suspension");
        assertThat(spec.brand()).isNull();
        RxNormNames.Parsed sbd = RxNormNames.parse("amoxicillin 875 MG / clavulanate 125 MG Oral Tablet [Augmentin]");
        assertThat(sbd.components()).extracting(RxNormNames.Component::strength).containsExactly(875.0, 125.0);
        assertThat(sbd.doseForm()).isEqualTo("Oral Tablet");
        assertThat(sbd.brand()).isEqualTo("Augmentin");
        RxNormNames.Parsed old = RxNormNames.parse("amoxicillin 250 MG / clavulanate 62.5 MG per 5 ML Oral Suspension");
        assertThat(old.components().get(1).unit()).isEqualTo("MG per 5 ML");
        assertThat(old.doseForm()).isEqualTo("Oral Suspension");
        assertThat(RxNormNames.parse("insulin glargine 100 UNT/ML Injectable Solution")
                        .doseForm())
                .isEqualTo("Injectable Solution");
        assertThat(RxNormNames.parse("amoxicillin / clavulanate")).isNull();
    }
}
