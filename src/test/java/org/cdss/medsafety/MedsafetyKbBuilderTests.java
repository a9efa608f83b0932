package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import org.cdss.medsafety.kb.KnowledgeBaseBuilder;
import org.cdss.support.RequiredService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerates the KB from the public sources ({@code CDSS_TEST_DATA}, default {@code ../shared/data}) and checks
 * that the committed files are exactly what the converter produces (deterministic, and not edited by hand).
 * Skipped outside CI when the data folder is absent; a failure in CI.
 */
@ExtendWith(MedsafetyKbBuilderTests.SourcesAvailable.class)
class MedsafetyKbBuilderTests {

    static final Path DDI = Path.of(System.getenv().getOrDefault("CDSS_TEST_DATA", "../shared/data"), "ddi");
    static final Path COMMITTED = Path.of("src/main/resources/medsafety/kb");

    @Test
    void the_regenerated_knowledge_base_equals_the_committed_one(@TempDir Path out) throws Exception {
        KnowledgeBaseBuilder.Result result =
                KnowledgeBaseBuilder.build(DDI, COMMITTED, out, LocalDate.of(2026, 11, 25));
        assertThat(result.rulesBySource()).containsOnlyKeys("ANSM", "NDF-RT", "ONC-HIGH", "ONC-NONINT");
        for (String file : new String[] {"interactions.tsv", "ingredients.tsv", "classes.tsv", "rxnorm.tsv"}) {
            assertThat(Files.mismatch(out.resolve(file), COMMITTED.resolve(file)))
                    .as("%s differs from the committed copy: run ./cdss kb build", file)
                    .isEqualTo(-1L);
        }
        String sha = Files.readAllLines(out.resolve("kb.properties")).stream()
                .filter(l -> l.startsWith("inputs.sha256="))
                .findFirst()
                .orElseThrow();
        assertThat(Files.readAllLines(COMMITTED.resolve("kb.properties"))).contains(sha);
    }

    /**
     * Issue 14 item 1: the build reports the ingredients whose names read like a salt, ester or hydrate and that the
     * curated {@code moieties.tsv} does not link; every such form of today's sources is linked (or marked "self").
     */
    @Test
    void the_build_reports_forms_left_unlinked(@TempDir Path out) throws Exception {
        Files.copy(COMMITTED.resolve("salt-names.tsv"), out.resolve("salt-names.tsv"));
        Files.writeString(out.resolve("moieties.tsv"), "# empty\n");
        KnowledgeBaseBuilder.Result none = KnowledgeBaseBuilder.build(DDI, COMMITTED, out, LocalDate.of(2026, 11, 25));
        assertThat(none.unlinkedForms()).contains("DB00761 Potassium chloride", "DB00258 Calcium Acetate");
        Files.copy(COMMITTED.resolve("moieties.tsv"), out.resolve("moieties.tsv"), StandardCopyOption.REPLACE_EXISTING);
        KnowledgeBaseBuilder.Result all = KnowledgeBaseBuilder.build(DDI, COMMITTED, out, LocalDate.of(2026, 11, 25));
        assertThat(all.unlinkedForms())
                .as("forms left unlinked: add them to moieties.tsv")
                .isEmpty();
    }

    /**
     * Issue 14 item 2: a mixed ANSM category keeps which members or conditions are contraindicated inside a class
     * rule (ANSM Thesaurus 2016): the named member gets the clause's category, a dose or clinical condition is not
     * assumed (the row's own grade stands, the text shows the condition).
     */
    @Test
    void mixed_ansm_categories_are_parsed_not_flattened() {
        String torsades = "CI - ASDEC Contre-indication : - avec le citalopram, la domperidone, l'escitalopram, "
                + "l'hydroxyzine et la piperaquine. Association deconseillee : - avec les autres";
        assertThat(KnowledgeBaseBuilder.mixedCategory(torsades, "AMIODARONE", "CITALOPRAM"))
                .containsExactly("CI - ASDEC", "CONTRAINDICATED");
        assertThat(KnowledgeBaseBuilder.mixedCategory(torsades, "AMIODARONE", "AMISULPRIDE"))
                .containsExactly("CI - ASDEC", "MINOR");
        String statins = "CI - ASDEC Contre-indication : - entre le gemfibrozil et la simvastatine - pour des doses de "
                + "rosuvastatine de 40 mg";
        assertThat(KnowledgeBaseBuilder.mixedCategory(statins, "GEMFIBROZIL", "SIMVASTATINE")[1])
                .isEqualTo("CONTRAINDICATED");
        assertThat(KnowledgeBaseBuilder.mixedCategory(statins, "GEMFIBROZIL", "PRAVASTATINE")[1])
                .isEqualTo("MINOR");
        assertThat(KnowledgeBaseBuilder.mixedCategory(statins, "GEMFIBROZIL", "ROSUVASTATINE")[1])
                .as("a dose condition is not assumed")
                .isEqualTo("MINOR");
        assertThat(KnowledgeBaseBuilder.mixedCategory("Precaution d'emploi Surveiller", "A", "B"))
                .isNull();
    }

    @Test
    void two_builds_of_the_same_sources_are_identical(@TempDir Path one, @TempDir Path two) throws Exception {
        KnowledgeBaseBuilder.build(DDI, COMMITTED, one, LocalDate.of(2026, 1, 1));
        KnowledgeBaseBuilder.build(DDI, COMMITTED, two, LocalDate.of(2026, 1, 1));
        for (String file :
                new String[] {"interactions.tsv", "ingredients.tsv", "classes.tsv", "rxnorm.tsv", "kb.properties"}) {
            assertThat(Files.mismatch(one.resolve(file), two.resolve(file))).isEqualTo(-1L);
        }
    }

    static class SourcesAvailable implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return RequiredService.check(
                    Files.isRegularFile(DDI.resolve("pddi_subset_ndfrt_onc_ansm.tsv")),
                    "interaction source data in " + DDI);
        }
    }
}
