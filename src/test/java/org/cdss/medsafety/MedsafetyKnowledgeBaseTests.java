package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.cdss.medsafety.engine.KnowledgeBase;
import org.cdss.medsafety.engine.KnowledgeBaseException;
import org.cdss.medsafety.engine.KnowledgeBaseLoader;
import org.cdss.medsafety.engine.SafetyEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loading the committed knowledge base, its statistics, and the fail-safe when files are missing or corrupt. */
class MedsafetyKnowledgeBaseTests {

    static final ClassLoader LOADER = MedsafetyKnowledgeBaseTests.class.getClassLoader();

    @Test
    void the_committed_knowledge_base_loads_with_its_sources_and_counts() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        KnowledgeBase kb = KnowledgeBaseLoader.fromClasspath();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory() - before;
        System.out.printf(
                "medsafety KB %s: %d ingredients, %d products, %d rules, loaded in %d ms, ~%d MB heap%n",
                kb.version(), kb.ingredientCount(), kb.products().size(), kb.ruleCount(), ms, heap >> 20);
        KbInfo info = kb.info();
        assertThat(info.available()).isTrue();
        assertThat(info.sources())
                .extracting(KbInfo.Source::code)
                .containsExactly("ANSM", "CDSS-OVERLAY", "NDF-RT", "ONC-HIGH", "ONC-NONINT");
        assertThat(info.sources()).allSatisfy(s -> assertThat(s.citation()).isNotBlank());
        assertThat(kb.products()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(kb.ruleCount()).isGreaterThan(30_000);
        assertThat(info.counts()).containsKey("rules.ONC-HIGH.CONTRAINDICATED");
        assertThat(kb.version()).matches("\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{12}\\+[0-9a-f]{8}");
        assertThat(kb.products().values()).allSatisfy(p -> {
            assertThat(p.nameKo()).isNotBlank();
            assertThat(p.atc()).isNotBlank();
            if (p.maxDaily() != null && p.maxSingle() != null) {
                assertThat(p.maxDaily()).isGreaterThanOrEqualTo(p.maxSingle());
            }
            if (p.maxDaily() != null || p.maxSingle() != null) {
                assertThat(p.doseSource()).isNotBlank();
            }
        });
    }

    @Test
    void the_committed_knowledge_base_files_stay_small() throws IOException {
        long total = 0;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/medsafety/kb"))) {
            for (var f : files.toList()) {
                total += java.nio.file.Files.size(f);
            }
        }
        assertThat(total).isGreaterThan(1L << 20).isLessThan(15L << 20);
    }

    @ParameterizedTest(name = "missing {0}: load fails, every check incomplete")
    @ValueSource(
            strings = {
                "kb.properties",
                "interactions.tsv",
                "ingredients.tsv",
                "products.tsv",
                "groups.tsv",
                "allergy-cross-sensitivity.tsv"
            })
    void a_missing_file_fails_the_load(String missing) {
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(file -> file.equals(missing) ? null : open(file)))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining(missing);
    }

    @Test
    void a_truncated_interactions_file_is_detected_as_corrupt() {
        assertThatThrownBy(() -> load("interactions.tsv", text -> text.substring(0, text.length() / 2)))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("interactions.tsv");
    }

    @Test
    void an_unknown_severity_is_detected_as_corrupt() {
        assertThatThrownBy(() -> load("interactions.tsv", text -> text.replaceFirst("\tMAJOR\t", "\tSEVERE\t")))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("unknown severity");
    }

    @Test
    void garbage_is_detected_as_corrupt() {
        assertThatThrownBy(() -> load("products.tsv", text -> "\u0000\u0001garbage\n"))
                .isInstanceOf(KnowledgeBaseException.class);
    }

    @Test
    void without_a_knowledge_base_every_check_is_incomplete_and_never_says_no_interactions() {
        SafetyEngine engine;
        try {
            engine = SafetyEngine.with(KnowledgeBaseLoader.load(file -> null));
        } catch (KnowledgeBaseException e) {
            engine = SafetyEngine.unavailable(e.getMessage());
        }
        assertThat(engine.available()).isFalse();
        for (List<String> drugs : List.of(List.of("acetaminophen"), List.of("simvastatin", "clarithromycin"))) {
            MedicationCheckResult result = engine.check(new MedicationCheckRequest(
                    null, drugs.stream().map(ProposedDrug::of).toList(), List.of(), List.of()));
            assertThat(result.complete()).isFalse();
            assertThat(result.alerts()).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo(AlertType.INCOMPLETE);
                assertThat(a.ruleId()).isEqualTo("INCOMPLETE-KB-UNAVAILABLE");
            });
            assertThat(result.kb().available()).isFalse();
        }
    }

    // The engine sorts interaction alerts by a rank worked out at load: from the line order of the (generated,
    // sorted) interactions.tsv, or by sorting when a file is not in rule id order. Both must give the same alerts in
    // the same order: most severe first, then type, then rule id.
    @Test
    void alerts_come_in_the_same_order_from_an_interactions_file_that_is_not_sorted() {
        KnowledgeBase reversed = load("interactions.tsv", text -> {
            List<String> lines = text.lines().toList();
            List<String> header = lines.stream().filter(l -> l.startsWith("#")).toList();
            List<String> rows = new java.util.ArrayList<>(
                    lines.stream().filter(l -> !l.startsWith("#")).toList());
            java.util.Collections.reverse(rows);
            return String.join("\n", header) + "\n" + String.join("\n", rows) + "\n";
        });
        MedicationCheckRequest request = new MedicationCheckRequest(
                null,
                java.util.stream.Stream.of(
                                "simvastatin",
                                "clarithromycin",
                                "warfarin",
                                "aspirin",
                                "ibuprofen",
                                "amiodarone",
                                "ciprofloxacin",
                                "sertraline")
                        .map(ProposedDrug::of)
                        .toList(),
                java.util.stream.Stream.of("tramadol", "digoxin", "naproxen", "fluoxetine")
                        .map(ActiveMedication::of)
                        .toList(),
                List.of(RecordedAllergy.freeText("penicillin")));
        MedicationCheckResult committed =
                SafetyEngine.with(KnowledgeBaseLoader.fromClasspath()).check(request);
        MedicationCheckResult fromReversed = SafetyEngine.with(reversed).check(request);
        assertThat(committed.alerts()).hasSizeGreaterThan(15);
        // Same alerts; only the version differs, because the file's bytes differ.
        assertThat(fromReversed.alerts())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("kbVersion")
                .containsExactlyElementsOf(committed.alerts());
        assertThat(committed.alerts())
                .isSortedAccordingTo(java.util.Comparator.comparing(SafetyAlert::severity)
                        .thenComparing(SafetyAlert::type)
                        .thenComparing(SafetyAlert::ruleId));
    }

    // The builder dates and hashes only the generated tables; a curated table edited without a rebuild must still
    // give another version, or the KB page and every alert would name a KB that is not the one that ran.
    @ParameterizedTest(name = "a change to {0} alone gives another version")
    @ValueSource(strings = {"overlay.tsv", "names.tsv", "moieties.tsv", "allergy-cross-sensitivity.tsv"})
    void the_version_names_the_content_loaded_curated_tables_included(String curated) {
        KnowledgeBase committed = KnowledgeBaseLoader.fromClasspath();
        KnowledgeBase again = KnowledgeBaseLoader.fromClasspath();
        KnowledgeBase changed = load(curated, text -> text + "# one more comment line\n");
        assertThat(again.version()).isEqualTo(committed.version());
        assertThat(changed.version()).isNotEqualTo(committed.version());
        assertThat(changed.version())
                .startsWith(committed.version().substring(0, committed.version().indexOf('+')));
    }

    private static KnowledgeBase load(String file, UnaryOperator<String> change) {
        return KnowledgeBaseLoader.load(name -> {
            InputStream in = open(name);
            if (!name.equals(file)) {
                return in;
            }
            try (in) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new ByteArrayInputStream(change.apply(text).getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private static InputStream open(String file) throws IOException {
        return LOADER.getResourceAsStream(KnowledgeBaseLoader.CLASSPATH_DIR + file);
    }
}
