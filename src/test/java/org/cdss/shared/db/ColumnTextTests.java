package org.cdss.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnTextTests {

    @Test
    void text_that_fits_is_unchanged_and_null_stays_null() {
        assertThat(ColumnText.fit("김민준", 3)).isEqualTo("김민준");
        assertThat(ColumnText.fit(null, 3)).isNull();
    }

    @Test
    void longer_text_is_cut_to_the_column() {
        assertThat(ColumnText.fit("Clarithromycin", 5)).isEqualTo("Clari");
    }

    @Test
    void a_cut_never_splits_a_surrogate_pair() {
        String withEmoji = "ab\uD83D\uDE00cd"; // a, b, 😀 (two chars), c, d
        assertThat(ColumnText.fit(withEmoji, 3)).isEqualTo("ab");
        assertThat(ColumnText.fit(withEmoji, 4)).isEqualTo("ab\uD83D\uDE00");
    }
}
