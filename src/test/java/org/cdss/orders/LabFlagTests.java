package org.cdss.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Flags of values an analyser reports only by a bound, beyond its measuring range (HL7 v2 OBX-5 of type SN, FHIR
 * {@code Quantity.comparator}: "<", "<=", ">=", ">"). A bound is flagged as every value beyond it would be; where
 * values beyond it could still be normal it is not flagged. Limits: potassium in the catalogue (V10: reference
 * 3.5–5.1 mmol/L, critical ≤ 2.5 and ≥ 6.5).
 */
class LabFlagTests {

    private static final BigDecimal REF_LOW = new BigDecimal("3.5");
    private static final BigDecimal REF_HIGH = new BigDecimal("5.1");
    private static final BigDecimal CRIT_LOW = new BigDecimal("2.5");
    private static final BigDecimal CRIT_HIGH = new BigDecimal("6.5");

    @ParameterizedTest(name = "K {0} → {1}")
    @CsvSource({
        // above the analyser's range: hyperkalaemia beyond the critical limit
        "'>10.0', CRITICAL_HIGH",
        "'>6.5', CRITICAL_HIGH",
        "'>=6.5', CRITICAL_HIGH",
        "' > 7 ', CRITICAL_HIGH",
        // above the reference range but not known to be critical
        "'>5.1', HIGH",
        "'>=5.2', HIGH",
        // ">=5.1" includes 5.1 itself, which is normal: not flagged
        "'>=5.1', NOT_NUMERIC",
        // values above 2.0 may be low, normal or high
        "'>2.0', NOT_NUMERIC",
        // below the range
        "'<1.5', CRITICAL_LOW",
        "'<=2.5', CRITICAL_LOW",
        "'<2.5', CRITICAL_LOW",
        "'<3.5', LOW",
        "'<=3.4', LOW",
        "'<=3.5', NOT_NUMERIC",
        "'<4.0', NOT_NUMERIC",
    })
    void a_bound_is_flagged_as_every_value_beyond_it(String text, LabFlag expected) {
        LabFlag.Bound bound = LabFlag.Bound.parse(text);
        assertThat(bound).isNotNull();
        assertThat(LabFlag.of(bound, REF_LOW, REF_HIGH, CRIT_LOW, CRIT_HIGH)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is not a bound")
    @CsvSource({"'1,250'", "'10.0'", "'> '", "'>>5'", "'=5'", "'approx 5'", "'>1e3'", "'hemolysed'", "''"})
    void only_a_comparator_and_a_plain_number_are_a_bound(String text) {
        assertThat(LabFlag.Bound.parse(text)).isNull();
    }

    @ParameterizedTest(name = "K {0} → {1}")
    @CsvSource({"2.5, CRITICAL_LOW", "3.4, LOW", "3.5, NORMAL", "5.1, NORMAL", "5.2, HIGH", "6.5, CRITICAL_HIGH"})
    void a_number_is_flagged_against_the_limits(BigDecimal value, LabFlag expected) {
        assertThat(LabFlag.of(value, REF_LOW, REF_HIGH, CRIT_LOW, CRIT_HIGH)).isEqualTo(expected);
    }
}
