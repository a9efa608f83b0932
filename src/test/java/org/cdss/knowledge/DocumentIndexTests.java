package org.cdss.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index as a cache: it opens wherever it can, and Korean, English and mixed queries find what they should. */
class DocumentIndexTests {

    static DocumentIndex.Entry entry(String title, String text) {
        return new DocumentIndex.Entry(UUID.randomUUID(), 1, title, text, "PROTOCOL", null, List.of(), 0L);
    }

    static final DocumentIndex.Filter ALL = new DocumentIndex.Filter(null, null, null, null, null);

    static List<UUID> ids(DocumentIndex index, String q) {
        return index.search(DocumentIndex.parse(q), ALL, 0, 10).hits().stream()
                .map(DocumentIndex.Hit::id)
                .toList();
    }

    @Test
    void korean_english_and_mixed_queries(@TempDir Path dir) {
        try (DocumentIndex index = new DocumentIndex(dir.resolve("index"))) {
            DocumentIndex.Entry korean = entry("낙상 예방", "고령 환자의 낙상을 예방하려면 침대 난간을 올린다.");
            DocumentIndex.Entry english = entry("Falls", "Raise the bed rails to prevent falls in elderly patients.");
            DocumentIndex.Entry mixed = entry("혈당", "인슐린 투여 전 blood glucose를 확인한다.");
            index.put(List.of(korean, english, mixed));

            assertThat(ids(index, "낙상")).containsExactly(korean.id());
            assertThat(ids(index, "falls")).containsExactly(english.id());
            assertThat(ids(index, "인슐린 glucose")).containsExactly(mixed.id());
            assertThat(ids(index, "난간")).containsExactly(korean.id());
            assertThat(ids(index, "   ")).isEmpty();
        }
    }

    @Test
    void a_locked_or_unwritable_directory_falls_back_to_a_private_one(@TempDir Path dir) throws Exception {
        Path shared = dir.resolve("index");
        try (DocumentIndex first = new DocumentIndex(shared);
                DocumentIndex second = new DocumentIndex(shared)) {
            assertThat(first.path()).isEqualTo(shared);
            assertThat(second.path()).isNotEqualTo(shared);
            second.put(List.of(entry("t", "vancomycin")));
            assertThat(ids(second, "vancomycin")).hasSize(1);
        }
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        try (DocumentIndex fallback = new DocumentIndex(file.resolve("index"))) {
            assertThat(fallback.path()).isNotEqualTo(file.resolve("index"));
            fallback.put(List.of(entry("t", "heparin")));
            assertThat(ids(fallback, "heparin")).hasSize(1);
        }
    }
}
