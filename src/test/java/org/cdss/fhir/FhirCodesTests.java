package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The code systems the facade writes: UCUM for the units we store, KCD-8 with ICD-10 only where it is one. */
class FhirCodesTests {

    @ParameterizedTest
    @CsvSource({
        "mmHg, mm[Hg]",
        "10^3/uL, 10*3/uL",
        "mIU/L, m[IU]/L",
        "mcg, ug",
        "IU, [IU]",
        "tablet, {tablet}",
        "g/dL, g/dL",
        "%, %",
        "kg/m2, kg/m2"
    })
    void units_we_store_map_to_ucum(String unit, String ucum) {
        assertThat(FhirCodes.ucumCode(unit)).isEqualTo(ucum);
        assertThat(FhirCodes.ucum(BigDecimal.ONE, unit).getSystem()).isEqualTo(FhirCodes.UCUM);
    }

    @Test
    void a_unit_without_a_known_ucum_code_is_sent_as_text_only() {
        var q = FhirCodes.ucum(BigDecimal.TEN, "cups");
        assertThat(q.getUnit()).isEqualTo("cups");
        assertThat(q.hasSystem()).isFalse();
        assertThat(q.hasCode()).isFalse();
    }

    @Test
    void a_kcd_code_of_who_form_is_also_icd10_and_a_korean_extension_is_not() {
        assertThat(FhirCodes.diagnosis("J45.9", "천식").getCoding())
                .extracting(Coding::getSystem)
                .containsExactly(FhirCodes.KCD_SYSTEM, FhirCodes.ICD10_SYSTEM);
        assertThat(FhirCodes.diagnosis("E11.78", "2형 당뇨병").getCoding())
                .extracting(Coding::getSystem)
                .containsExactly(FhirCodes.KCD_SYSTEM);
    }

    @Test
    void korean_text_carries_the_english_as_a_translation() {
        var concept = FhirCodes.bilingual(new Coding(FhirCodes.LOINC, "718-7", "Hemoglobin"), "혈색소", "Hemoglobin");
        assertThat(concept.getText()).isEqualTo("혈색소");
        var translation = concept.getTextElement().getExtensionByUrl(FhirCodes.TRANSLATION);
        assertThat(translation.getExtensionString("lang")).isEqualTo("en");
        assertThat(translation.getExtensionString("content")).isEqualTo("Hemoglobin");
    }
}
