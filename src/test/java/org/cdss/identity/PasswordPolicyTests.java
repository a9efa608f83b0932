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
    void more_than_72_characters_is_too_long() {
        assertThat(PasswordPolicy.violation("x", "abcdefghij".repeat(7) + "ab")).isNull();
        assertThat(PasswordPolicy.violation("x", "abcdefghij".repeat(7) + "abc"))
                .isEqualTo("password.length");
    }

    /** bcrypt reads 72 bytes; Spring Security's encoder throws beyond them (it was a 500 for a Korean passphrase). */
    @org.junit.jupiter.api.Test
    void more_than_72_bytes_is_too_long_and_what_is_accepted_can_be_hashed() {
        String korean24 = "가나다라마바사아자차카타파하거너더러머버서어저처"; // 24 characters, 72 bytes
        String korean25 = korean24 + "커";
        assertThat(PasswordPolicy.violation("x", korean24)).isNull();
        assertThat(PasswordPolicy.violation("x", korean25)).isEqualTo("password.too-long");
        org.springframework.security.crypto.password.PasswordEncoder encoder =
                org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder();
        assertThat(encoder.matches(korean24, encoder.encode(korean24))).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> encoder.encode(korean25))
                .as("the limit is the encoder's")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
