package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cdss.medsafety.engine.KnowledgeBase;
import org.cdss.medsafety.engine.KnowledgeBaseLoader;
import org.cdss.medsafety.engine.SafetyEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14 item 7, brand names: a sample of US (ClinCalc DrugStats top 300 of 2022), European and Korean (MFDS)
 * brand names, chosen from lists and not from the KB ({@code brand-sample.tsv}), each with the ingredients its label
 * names. A brand resolves to exactly those ingredients or stays unknown ("check incomplete"); it never resolves to
 * something else. Coverage (brands resolved among those whose ingredients the KB knows) is measured per market and
 * may only go up; the figures are in {@code bench/README.md}.
 */
class MedsafetyBrandNamesTests {

    static final KnowledgeBase KB = KnowledgeBaseLoader.fromClasspath();
    static final SafetyEngine ENGINE = SafetyEngine.with(KB);

    /** Measured on the KB of this commit (resolved / resolvable, per market); raise when the KB learns more. */
    static final Map<String, Double> MIN_COVERAGE =
            Map.of("US", 0.99, "EU", 0.99, "KR", 0.97, "US-held-out", 0.0, "KR-held-out", 0.96);

    record Row(String market, String brand, List<String> ingredients, String source) {
        @Override
        public String toString() {
            return market + " " + brand;
        }
    }

    static List<Row> sample() throws IOException {
        try (InputStream in = MedsafetyBrandNamesTests.class.getResourceAsStream("/medsafety/brand-sample.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(f -> new Row(f[0], f[1], Arrays.asList(f[2].split(" \\+ ")), f[3]))
                    .toList();
        }
    }

    /** The ingredients a name is checked as: a combination's components, else the one ingredient; null if unknown. */
    static Set<Integer> resolve(String name) {
        int[] parts = KB.components(name);
        if (parts != null) {
            return Arrays.stream(parts).boxed().collect(Collectors.toCollection(TreeSet::new));
        }
        Integer id = KB.idForName(name);
        return id == null || id < 0 ? null : Set.of(id);
    }

    /** The label's ingredients by their names in the KB; null when one of them is not in the KB. */
    static Set<Integer> expected(Row row) {
        Set<Integer> ids = new TreeSet<>();
        for (String ingredient : row.ingredients()) {
            Integer id = KB.idForName(ingredient);
            if (id == null || id < 0) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sample")
    void a_brand_resolves_to_its_labelled_ingredients_or_stays_unknown(Row row) {
        Set<Integer> got = resolve(row.brand());
        if (got != null) {
            assertThat(got).as("%s is %s", row.brand(), row.ingredients()).isEqualTo(expected(row));
        } else {
            MedicationCheckResult result = ENGINE.check(
                    new MedicationCheckRequest(null, List.of(ProposedDrug.of(row.brand())), List.of(), List.of()));
            assertThat(result.complete())
                    .as(row.brand() + " is unknown: check incomplete")
                    .isFalse();
        }
    }

    @Test
    void coverage_of_the_brand_sample_per_market_does_not_fall() throws IOException {
        Map<String, int[]> byMarket = new TreeMap<>(); // market -> {rows, resolvable, resolved}
        Map<String, List<String>> missed = new TreeMap<>();
        for (Row row : sample()) {
            int[] c = byMarket.computeIfAbsent(row.market(), k -> new int[3]);
            c[0]++;
            if (expected(row) == null) {
                continue; // an ingredient the KB does not have: the brand must stay unknown (test above)
            }
            c[1]++;
            if (resolve(row.brand()) != null) {
                c[2]++;
            } else {
                missed.computeIfAbsent(row.market(), k -> new ArrayList<>()).add(row.brand());
            }
        }
        byMarket.forEach((market, c) -> System.out.printf(
                "brand sample %s: %d brands, %d with every ingredient in the KB, %d resolved (%.3f); missed %s%n",
                market, c[0], c[1], c[2], (double) c[2] / c[1], missed.getOrDefault(market, List.of())));
        byMarket.forEach((market, c) -> assertThat((double) c[2] / c[1])
                .as("%s coverage; missed %s", market, missed.get(market))
                .isGreaterThanOrEqualTo(MIN_COVERAGE.get(market)));
    }

    /** Every brand the curated products table gives an ingredient resolves back to that ingredient. */
    @Test
    void every_brand_of_the_kb_products_resolves_to_its_product() {
        int brands = 0;
        List<String> wrong = new ArrayList<>();
        for (KnowledgeBase.Product p : KB.products().values()) {
            for (String brand : p.brands().split(";")) {
                // "Bactrim 셉트린 (with sulfamethoxazole)": each name of a combination brand includes this product
                boolean combination = brand.contains("(with") || brand.contains("(+");
                String b = brand.replaceAll("\\(.*\\)", "").strip();
                if (b.isEmpty()) {
                    continue;
                }
                brands++;
                for (String name : combination ? List.of(b.split("\\s+")) : List.of(b)) {
                    Set<Integer> got = resolve(name);
                    if (got == null || (combination ? !got.contains(p.id()) : !got.equals(Set.of(p.id())))) {
                        wrong.add(name + " -> " + got);
                    }
                }
            }
        }
        System.out.printf(
                "KB products: %d, brand entries %d, not resolving to their product %d %s%n",
                KB.products().size(), brands, wrong.size(), wrong);
        assertThat(wrong).isEmpty();
    }

    /** Every curated product resolves by its Korean ingredient name (MFDS/KPIC usage), alone and as "…정 10mg". */
    @Test
    void every_kb_product_resolves_by_its_korean_name() {
        List<String> wrong = new ArrayList<>();
        for (KnowledgeBase.Product p : KB.products().values()) {
            for (String name : List.of(p.nameKo(), p.nameKo().replace(" ", "") + "정 10mg")) {
                Integer id = KB.idForName(name);
                if (id == null || id != p.id()) {
                    wrong.add(name + " -> " + id);
                }
            }
        }
        assertThat(wrong).as("%d products", KB.products().size()).isEmpty();
    }

    /**
     * A word that adds an ingredient ("HCT", "-D", "PM", "Plus") is never dropped: the name stays unknown unless a
     * combination row names it, so the added ingredient is not silently left out.
     */
    @ParameterizedTest(name = "{0} is not read as {1} alone")
    @CsvSource({
        "Claritin-D, loratadine",
        "Tylenol PM, acetaminophen",
        "Diovan HCT 160/12.5 mg, valsartan",
        "Advil PM, ibuprofen",
        "Zyrtec-D 12 hour, cetirizine",
        "amoxicillin 250 MG / clavulanate 62.5 MG per 5 ML Oral Suspension, amoxicillin",
        "알수없는복합정(트라마돌염산염/아세트아미노펜), tramadol",
        "'알수없는복합정(트라마돌염산염,아세트아미노펜)', acetaminophen",
        "Tylenol with Codeine, acetaminophen"
    })
    void a_word_that_adds_an_ingredient_is_never_dropped(String name, String single) {
        assertThat(resolve(name)).as(name).isNotEqualTo(Set.of(KB.idForName(single)));
        assertThat(KB.idForName(name)).as(name).isNotEqualTo(KB.idForName(single));
    }

    /** Korean and US/European product names as written on the label resolve through their brand or ingredient. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "리피토정10밀리그램(아토르바스타틴칼슘삼수화물), atorvastatin",
        "알수없는상표정5밀리그램(암로디핀베실산염), amlodipine",
        "노바스크정 5mg, amlodipine",
        "타이레놀8시간이알서방정650밀리그람(아세트아미노펜), acetaminophen",
        "Toprol-XL 50 mg, metoprolol",
        "Wellbutrin XL 150 mg, bupropion",
        "Glucophage XR, metformin",
        "Lipitor 20 mg film-coated tablets, atorvastatin",
        "baclofen, baclofene",
        "indometacin, indomethacin"
    })
    void product_names_as_labelled_resolve(String name, String ingredient) {
        assertThat(resolve(name)).as(name).isEqualTo(Set.of(KB.idForName(ingredient)));
    }
}
