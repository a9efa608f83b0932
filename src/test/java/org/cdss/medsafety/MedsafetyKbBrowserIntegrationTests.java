package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The KB browser API: ingredient search and one ingredient's classes, groups and interactions (issue 4). */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MedsafetyKbBrowserIntegrationTests {

    static final String WARFARIN = "DB00682";
    static final String SIMVASTATIN = "DB00641";
    static final String CLARITHROMYCIN = "DB01211";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    ApiClient radiologist;

    @BeforeAll
    void login() {
        // a staff member who may not prescribe still browses the knowledge base
        radiologist = new ApiClient(port);
        assertThat(radiologist
                        .login(testUsers.staff(Role.RADIOLOGIST).username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    JsonNode get(String path) {
        var response = radiologist.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /**
     * Issue 14 "done when": the KB page's reference-set figures are measured on the KB the application runs, named
     * by its version, every dangerous pair and dangerous allergy scenario interrupts and no safe one hard-stops.
     */
    @Test
    void the_reference_set_figures_name_the_kb_version_they_were_measured_on() {
        JsonNode report = get("/api/medsafety/kb/reference-set");
        assertThat(report.path("kbVersion").asString())
                .isNotBlank()
                .isEqualTo(get("/api/medsafety/kb").path("version").asString());
        assertThat(report.path("pairs").asInt()).isGreaterThanOrEqualTo(150);
        assertThat(report.path("allergyScenarios").asInt()).isGreaterThanOrEqualTo(40);
        List<JsonNode> figures = list(report.path("figures"));
        assertThat(figures)
                .filteredOn(f -> f.path("category").asString().equals("DANGEROUS"))
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.path("sensitivity").asDouble()).isEqualTo(1.0));
        assertThat(figures)
                .filteredOn(f -> f.path("category").asString().equals("SAFE"))
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.path("specificity").asDouble()).isEqualTo(1.0));
    }

    @Test
    void search_finds_warfarin_by_english_korean_and_brand_name() {
        for (String q : List.of("warfarin", "와파린", "coumadin")) {
            assertThat(list(get("/api/medsafety/ingredients?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))))
                    .as(q)
                    .anyMatch(s -> s.path("id").asString().equals(WARFARIN));
        }
    }

    @Test
    void warfarin_has_interactions_most_severe_first_including_a_major_one_with_a_cited_source() {
        JsonNode w = get("/api/medsafety/ingredients/" + WARFARIN + "?size=100");
        assertThat(w.path("nameEn").asString()).isEqualTo("Warfarin");
        assertThat(w.path("nameKo").asString()).isEqualTo("와파린");
        assertThat(w.path("atc").asString()).isEqualTo("B01AA03");
        assertThat(w.path("product").path("brands").asString()).contains("Coumadin");
        assertThat(list(w.path("ansmClasses"))).isNotEmpty();
        List<JsonNode> rows = list(w.path("interactions").path("content"));
        assertThat(rows).hasSize(100);
        assertThat(w.path("interactions").path("page").path("totalElements").asInt())
                .isGreaterThan(100);
        List<Severity> severities = rows.stream()
                .map(r -> Severity.valueOf(r.path("severity").asString()))
                .toList();
        assertThat(severities).isSorted();
        assertThat(rows)
                .anyMatch(r -> r.path("severity").asString().equals("MAJOR")
                        && !r.path("source").asString().isEmpty()
                        && !r.path("citation").asString().isBlank()
                        && r.path("partnerId").asString().startsWith("DB")
                        && !r.path("partnerName").asString().isBlank());
    }

    @Test
    void simvastatin_with_clarithromycin_is_listed_as_contraindicated_and_filters_apply() {
        JsonNode s = get("/api/medsafety/ingredients/" + SIMVASTATIN + "?severity=CONTRAINDICATED&size=100");
        List<JsonNode> rows = list(s.path("interactions").path("content"));
        assertThat(rows).allMatch(r -> r.path("severity").asString().equals("CONTRAINDICATED"));
        assertThat(rows)
                .anyMatch(r -> r.path("partnerId").asString().equals(CLARITHROMYCIN)
                        && r.path("source").asString().equals("ONC-HIGH"));
        assertThat(list(s.path("duplicateGroups")).stream().map(JsonNode::asString))
                .contains("STATINS");

        JsonNode ndfrt = get("/api/medsafety/ingredients/" + SIMVASTATIN + "?source=NDF-RT&size=100");
        assertThat(list(ndfrt.path("interactions").path("content")))
                .isNotEmpty()
                .allMatch(r -> r.path("source").asString().equals("NDF-RT"));
        assertThat(ndfrt.path("interactionCounts").path("CONTRAINDICATED").asInt())
                .isGreaterThan(0);
    }

    @Test
    void pages_do_not_overlap() {
        JsonNode first = get("/api/medsafety/ingredients/" + WARFARIN + "?page=0&size=5");
        JsonNode second = get("/api/medsafety/ingredients/" + WARFARIN + "?page=1&size=5");
        assertThat(second.path("interactions").path("page").path("number").asInt())
                .isEqualTo(1);
        List<String> a = list(first.path("interactions").path("content")).stream()
                .map(r -> r.path("ruleId").asString())
                .toList();
        List<String> b = list(second.path("interactions").path("content")).stream()
                .map(r -> r.path("ruleId").asString())
                .toList();
        assertThat(a).hasSize(5).doesNotContainAnyElementsOf(b);
    }

    @Test
    void unknown_ingredient_is_404_and_bad_filters_are_400() {
        var unknown = radiologist.get("/api/medsafety/ingredients/DB99999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asString()).isEqualTo("medsafety.ingredient-not-found");
        assertThat(radiologist.get("/api/medsafety/ingredients/aspirin").status())
                .isEqualTo(404);
        var badSeverity = radiologist.get("/api/medsafety/ingredients/" + WARFARIN + "?severity=FATAL");
        assertThat(badSeverity.status()).isEqualTo(400);
        assertThat(badSeverity.body()).contains("urn:cdss:problem:");
        var badSource = radiologist.get("/api/medsafety/ingredients/" + WARFARIN + "?source=WIKIPEDIA");
        assertThat(badSource.status()).isEqualTo(400);
        assertThat(badSource.body()).contains("/source");
        assertThat(radiologist
                        .get("/api/medsafety/ingredients/" + WARFARIN + "?size=1000")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void a_patient_may_not_browse_the_knowledge_base() {
        ApiClient patient = new ApiClient(port);
        var account = testUsers.patientAccount(testUsers.patient(TestUsers.uniqueName("KbBrowser")));
        assertThat(patient.login(account.username(), TestUsers.PASSWORD).status())
                .isEqualTo(200);
        assertThat(patient.get("/api/medsafety/ingredients/" + WARFARIN).status())
                .isEqualTo(403);
    }
}
