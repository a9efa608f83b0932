package org.cdss.medsafety.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a WHO INN stem sits in a name, as the stem book writes it ("cef-", "-icam", "-cillin-"). */
class InnStemTests {

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
        "cef-, Cefoperazone, true",
        "cef-, CEFOTETAN, true",
        "cef-, Acefylline, false",
        "-icam, Tenoxicam, true",
        "-icam, Icamaril, false",
        "-cillin-, BENZYLPENICILLINE, true",
        "-cillin-, Amoxicillin, true",
        "-profen-, ACIDE TIAPROFENIQUE, true",
        "-fenac, Diclofenac, true",
        "-fenac, DICLOFENACE, true",
        "-fenac, Fenacetin, false",
    })
    void a_stem_is_found_where_the_stem_book_puts_it(String stem, String name, boolean carried) {
        assertThat(InnStem.parse(stem).carriedBy(name)).isEqualTo(carried);
    }

    @ParameterizedTest
    @CsvSource({"cef", "-ab", "''"})
    void a_member_that_is_no_stem_is_refused(String written) {
        assertThatThrownBy(() -> InnStem.parse(written)).isInstanceOf(IllegalArgumentException.class);
    }
}
