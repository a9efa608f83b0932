package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import org.cdss.medsafety.engine.KnowledgeBaseLoader;
import org.cdss.medsafety.engine.SafetyEngine;
import org.junit.jupiter.api.Test;

/**
 * The codes a DrugBank accession is published with (issue 17, FHIR medication codings): RxNorm ingredient concepts
 * from the WorldVistA ANSM table where it maps the ingredient, the ATC code of the curated product, the Korean name;
 * nothing where the knowledge base has no mapping.
 */
class MedsafetyDrugCodesTests {

    static final SafetyEngine ENGINE = SafetyEngine.with(KnowledgeBaseLoader.fromClasspath());

    @Test
    void a_mapped_ingredient_has_its_rxnorm_concept_its_atc_code_and_both_names() {
        DrugCodes simvastatin = ENGINE.codes("DB00641").orElseThrow();
        assertThat(simvastatin.drugbankId()).isEqualTo("DB00641");
        assertThat(simvastatin.nameEn()).isEqualTo("Simvastatin");
        assertThat(simvastatin.nameKo()).isEqualTo("심바스타틴");
        assertThat(simvastatin.rxcuis()).containsExactly("36567");
        assertThat(simvastatin.atc()).isEqualTo("C10AA01");
        assertThat(ENGINE.ingredientForRxcui("36567")).isEqualTo("DB00641"); // the same mapping read both ways
        assertThat(ENGINE.ingredientForAtc("C10AA01")).isEqualTo("DB00641");
    }

    @Test
    void what_the_knowledge_base_does_not_map_is_left_out_not_guessed() {
        DrugCodes metformin = ENGINE.codes("DB00331").orElseThrow();
        assertThat(metformin.rxcuis()).isEmpty(); // the ANSM class table has no RxNorm row for metformin
        assertThat(metformin.atc()).isEqualTo("A10BA02");
        assertThat(ENGINE.codes("DB99999")).isEmpty();
        assertThat(ENGINE.codes("not an accession")).isEmpty();
        assertThat(SafetyEngine.unavailable("no kb").codes("DB00641")).isEmpty();
    }
}
