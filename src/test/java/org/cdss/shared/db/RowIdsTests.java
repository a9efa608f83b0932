package org.cdss.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ADR 0057: the ids of the growing tables land at the end of their index, so their text must sort by creation. */
class RowIdsTests {

    @Test
    void ids_are_version_7_and_carry_the_time_they_were_made() {
        long before = System.currentTimeMillis();
        UUID id = RowIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2); // RFC 9562's variant
        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, after);
    }

    @Test
    void their_text_sorts_in_the_order_they_were_made_even_within_one_millisecond() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(RowIds.next().toString());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        // 20 000 ids take a few milliseconds at most: many share one, which is where a random id would break the order
        long distinctMillis = made.stream()
                .map(s -> UUID.fromString(s).getMostSignificantBits() >>> 16)
                .distinct()
                .count();
        assertThat(distinctMillis).isLessThan(made.size());
    }
}
