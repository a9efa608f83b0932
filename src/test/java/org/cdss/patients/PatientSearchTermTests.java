package org.cdss.patients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The search term as the registry's columns hold names: Hangul names without spaces, Latin words single-spaced. */
class PatientSearchTermTests {

    @ParameterizedTest(name = "''{0}'' → ''{1}''")
    @CsvSource({
        "'홍 길동', '홍길동'",
        "'  홍  길 동 ', '홍길동'",
        "'홍길동', '홍길동'",
        "'Hong  Gil   Dong', 'hong gil dong'",
        "' hong gildong ', 'hong gildong'",
        "'010 1234 5678', '010 1234 5678'",
        "'ㅎ ㄱ ㄷ', 'ㅎ ㄱ ㄷ'",
        "'', ''",
    })
    void a_term_is_normalised_as_names_are_stored(String typed, String searched) {
        assertThat(PatientSearch.normalised(typed)).isEqualTo(searched);
    }
}
