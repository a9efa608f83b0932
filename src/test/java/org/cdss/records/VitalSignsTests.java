package org.cdss.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.cdss.shared.DomainException;
import org.cdss.shared.DomainException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VitalSignsTests {

    static VitalSigns heightWeight(String height, String weight) {
        return new VitalSigns(
                null,
                null,
                null,
                null,
                null,
                null,
                height == null ? null : new BigDecimal(height),
                weight == null ? null : new BigDecimal(weight));
    }

    @ParameterizedTest(name = "{0} cm, {1} kg → BMI {2}")
    @CsvSource({"175, 70, 22.9", "160, 50, 19.5", "180, 100, 30.9", "150.5, 45.2, 20.0", "50, 3.5, 14.0"})
    void bmi_is_weight_over_height_squared_rounded_half_up_to_one_decimal(String height, String weight, String bmi) {
        assertThat(heightWeight(height, weight).bmi()).isEqualByComparingTo(bmi);
    }

    @Test
    void bmi_needs_both_height_and_weight() {
        assertThat(heightWeight("170", null).bmi()).isNull();
        assertThat(heightWeight(null, "70").bmi()).isNull();
    }

    @Test
    void plausible_values_pass() {
        var v = new VitalSigns(
                120, 80, 72, 16, new BigDecimal("36.8"), 98, new BigDecimal("170"), new BigDecimal("65"));
        assertThat(v.validated()).isSameAs(v);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/systolic, 1200, 80, , , , ",
        "/diastolic, 120, 10, , , , ",
        "/heartRate, , , 400, , , ",
        "/respiratoryRate, , , , 2, , ",
        "/temperatureC, , , , , 46.0, ",
        "/spo2, , , , , , 101"
    })
    void values_outside_the_physiologic_range_are_refused_with_a_pointer(
            String pointer, Integer sys, Integer dia, Integer hr, Integer rr, BigDecimal temp, Integer spo2) {
        var v = new VitalSigns(sys, dia, hr, rr, temp, spo2, null, null);
        assertThatThrownBy(v::validated)
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(FieldProblem::pointer)
                                .containsExactly(pointer));
    }

    @Test
    void range_limits_themselves_are_accepted() {
        var v = new VitalSigns(
                300, 20, 20, 80, new BigDecimal("25.0"), 100, new BigDecimal("250"), new BigDecimal("0.5"));
        assertThat(v.validated()).isSameAs(v);
    }

    @Test
    void diastolic_must_be_below_systolic_and_both_go_together() {
        assertThatThrownBy(() -> new VitalSigns(80, 90, null, null, null, null, null, null).validated())
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(FieldProblem::messageKey)
                                .containsExactly("vitals.diastolic-not-below-systolic"));
        assertThatThrownBy(() -> new VitalSigns(120, null, null, null, null, null, null, null).validated())
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(FieldProblem::pointer)
                                .containsExactly("/diastolic"));
    }

    @Test
    void an_empty_set_is_refused() {
        assertThatThrownBy(() -> new VitalSigns(null, null, null, null, null, null, null, null).validated())
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(FieldProblem::messageKey)
                                .containsExactly("vitals.empty"));
    }
}
