package org.cdss.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cdss.shared.DomainException;
import org.cdss.shared.ProblemCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTests {

    @ParameterizedTest(name = "{1} → {2}")
    @CsvSource(
            nullValues = "OK",
            value = {
                "doctor, short, password.length",
                "doctor, my-doctor-pass, password.contains-username",
                "doctor, Password123, password.too-common",
                "doctor, aaaaaaaaaaaa, password.too-common",
                "doctor, 안녕하세요반갑습니다!, OK",
                "doctor, correct-horse-battery, OK"
            })
    void passwords_are_judged_by_length_username_and_commonness(String username, String password, String expected) {
        assertThat(PasswordPolicy.violation(username, password)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"nurse, nurse-is-here-2026"})
    void a_violation_is_a_422_naming_the_field(String username, String password) {
        assertThatThrownBy(() -> PasswordPolicy.check("newPassword", username, password))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ProblemCode.PASSWORD_POLICY);
                    assertThat(e.fieldProblems().getFirst().pointer()).isEqualTo("/newPassword");
                });
    }

    @org.junit.jupiter.api.Test
    void more_than_128_characters_is_too_long() {
        assertThat(PasswordPolicy.violation("x", "abcdefghij".repeat(13))).isEqualTo("password.length");
    }
}
