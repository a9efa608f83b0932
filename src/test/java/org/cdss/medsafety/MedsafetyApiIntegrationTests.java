package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** The medication safety API end to end: the examples, bad input, roles, and the KB in readiness. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MedsafetyApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    ApiClient doctor;

    @BeforeAll
    void login() {
        doctor = new ApiClient(port);
        assertThat(doctor.login(testUsers.staff(Role.DOCTOR).username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    static Map<String, Object> request(List<?> proposed, List<?> active, List<?> allergies) {
        return Map.of("proposed", proposed, "activeMedications", active, "allergies", allergies);
    }

    static Map<String, Object> drug(String name) {
        return Map.of("name", name);
    }

    JsonNode check(Map<String, Object> body) {
        var response = doctor.post("/api/medsafety/check", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<JsonNode> alerts(JsonNode result, String type) {
        List<JsonNode> out = new ArrayList<>();
        result.path("alerts").forEach(a -> {
            if (a.path("type").asString().equals(type)) {
                out.add(a);
            }
        });
        return out;
    }

    @Test
    void simvastatin_with_clarithromycin_is_a_hard_stop_with_source_and_kb_version() {
        JsonNode result = check(request(List.of(drug("simvastatin"), drug("clarithromycin")), List.of(), List.of()));
        JsonNode alert = alerts(result, "INTERACTION").getFirst();
        assertThat(alert.path("severity").asString()).isEqualTo("CONTRAINDICATED");
        assertThat(alert.path("tier").asString()).isEqualTo("HARD_STOP");
        assertThat(alert.path("source").asString()).isEqualTo("ONC-HIGH");
        assertThat(alert.path("kbVersion").asString())
                .isEqualTo(result.path("kb").path("version").asString());
        assertThat(result.path("complete").asBoolean()).isTrue();
    }

    @Test
    void sildenafil_with_isosorbide_mononitrate_is_contraindicated() {
        JsonNode result = check(request(
                List.of(Map.of("ingredientId", "DB00203")), List.of(drug("isosorbide mononitrate")), List.of()));
        assertThat(alerts(result, "INTERACTION").getFirst().path("severity").asString())
                .isEqualTo("CONTRAINDICATED");
    }

    @Test
    void warfarin_with_aspirin_is_flagged() {
        JsonNode result = check(request(List.of(drug("아스피린")), List.of(drug("warfarin")), List.of()));
        assertThat(alerts(result, "INTERACTION")).hasSize(1);
    }

    @Test
    void penicillin_allergy_blocks_amoxicillin_and_amoxicillin_allergy_warns_on_cephalexin() {
        JsonNode blocked =
                check(request(List.of(drug("amoxicillin")), List.of(), List.of(Map.of("text", "penicillin"))));
        assertThat(alerts(blocked, "ALLERGY").getFirst().path("tier").asString())
                .isEqualTo("HARD_STOP");
        JsonNode warned =
                check(request(List.of(drug("cephalexin")), List.of(), List.of(Map.of("allergenId", "DB01060"))));
        assertThat(alerts(warned, "ALLERGY").getFirst().path("tier").asString()).isEqualTo("INTERRUPTIVE");
    }

    @Test
    void sulfamethoxazole_allergy_does_not_block_furosemide() {
        JsonNode result =
                check(request(List.of(drug("furosemide")), List.of(), List.of(Map.of("text", "sulfamethoxazole"))));
        result.path("alerts").forEach(a -> assertThat(a.path("tier").asString()).isEqualTo("INFORMATIONAL"));
    }

    @Test
    void unknown_drugs_and_uncodable_allergies_make_the_check_incomplete() {
        JsonNode result =
                check(request(List.of(drug("zorblaxicillin")), List.of(), List.of(Map.of("text", "the pink pills"))));
        assertThat(result.path("complete").asBoolean()).isFalse();
        assertThat(alerts(result, "INCOMPLETE")).hasSize(2);
    }

    @Test
    void acetaminophen_six_grams_a_day_gives_a_dose_alert() {
        JsonNode result = check(request(
                List.of(Map.of("name", "타이레놀", "dose", 1.5, "unit", "g", "frequencyPerDay", 4)), List.of(), List.of()));
        assertThat(alerts(result, "DOSE")).hasSize(2);
    }

    @Test
    void an_empty_order_is_a_400_problem() {
        var response = doctor.post("/api/medsafety/check", request(List.of(), List.of(), List.of()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("errors").findValuesAsString("pointer")).contains("/proposed");
    }

    @Test
    void a_thousand_drugs_in_one_request_is_a_400_problem() {
        List<Object> drugs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            drugs.add(drug("warfarin"));
        }
        var response = doctor.post("/api/medsafety/check", request(drugs, List.of(), List.of()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("pointer")).contains("/proposed");
    }

    @Test
    void a_negative_dose_or_unknown_field_is_a_400_problem() {
        assertThat(doctor.post(
                                "/api/medsafety/check",
                                request(List.of(Map.of("name", "ibuprofen", "dose", -1)), List.of(), List.of()))
                        .status())
                .isEqualTo(400);
        assertThat(doctor.post("/api/medsafety/check", Map.of("proposed", List.of(drug("ibuprofen")), "x", 1))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void the_drug_search_finds_korean_english_and_brand_names() {
        var response = doctor.get("/api/medsafety/drugs?q=%ED%83%80%EC%9D%B4%EB%A0%88%EB%86%80"); // 타이레놀
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().findValuesAsString("id")).contains("DB00316");
        assertThat(doctor.get("/api/medsafety/drugs?q=amox").json().findValuesAsString("id"))
                .contains("DB01060");
        assertThat(doctor.get("/api/medsafety/drugs?q=a").json().size()).isEqualTo(MedicationSafety.SEARCH_LIMIT);
    }

    @Test
    void the_kb_endpoint_shows_version_sources_and_counts_to_all_staff_but_not_patients() {
        ApiClient frontDesk = new ApiClient(port);
        frontDesk.login(testUsers.staff(Role.ADMIN_STAFF).username(), TestUsers.PASSWORD);
        var kb = frontDesk.get("/api/medsafety/kb");
        assertThat(kb.status()).isEqualTo(200);
        assertThat(kb.json().path("available").asBoolean()).isTrue();
        assertThat(kb.json().path("sources").findValuesAsString("code"))
                .containsExactly("ANSM", "CDSS-OVERLAY", "NDF-RT", "ONC-HIGH", "ONC-NONINT");
        assertThat(kb.json()
                        .path("counts")
                        .path("rules.ONC-HIGH.CONTRAINDICATED")
                        .asInt())
                .isPositive();
        assertThat(frontDesk
                        .post("/api/medsafety/check", request(List.of(drug("aspirin")), List.of(), List.of()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void a_check_for_a_named_patient_is_audited() {
        var patient = testUsers.patient("약물검사");
        var pharmacistUser = testUsers.staff(Role.PHARMACIST);
        ApiClient pharmacist = new ApiClient(port);
        pharmacist.login(pharmacistUser.username(), TestUsers.PASSWORD);
        Map<String, Object> body = Map.of(
                "patientId", patient.id().toString(), "proposed", List.of(drug("simvastatin"), drug("clarithromycin")));
        assertThat(pharmacist.post("/api/medsafety/check", body).status()).isEqualTo(200);
        ApiClient admin = new ApiClient(port);
        admin.login(testUsers.staff(Role.ADMIN).username(), TestUsers.PASSWORD);
        var page = admin.get("/api/admin/audit?username=" + pharmacistUser.username() + "&action=MEDSAFETY_CHECK");
        JsonNode row = page.json().path("content").get(0);
        assertThat(row.path("patientId").asString()).isEqualTo(patient.id().toString());
        assertThat(row.path("detail").asString()).contains("alerts=1").contains("complete=true");
    }

    @Test
    void readiness_includes_the_knowledge_base() {
        ApiClient admin = new ApiClient(port);
        admin.login(testUsers.staff(Role.ADMIN).username(), TestUsers.PASSWORD);
        var readiness = admin.get("/actuator/health/readiness");
        assertThat(readiness
                        .json()
                        .path("components")
                        .path("medsafetyKnowledgeBase")
                        .path("status")
                        .asString())
                .isEqualTo("UP");
    }

    @Test
    void an_alert_reads_in_the_readers_language_with_the_source_text_kept() {
        Map<String, Object> body = request(List.of(drug("simvastatin")), List.of(drug("clarithromycin")), List.of());
        JsonNode en = alerts(check(body), "INTERACTION").getFirst();
        doctor.language("ko");
        try {
            JsonNode ko = alerts(check(body), "INTERACTION").getFirst();
            assertThat(ko.path("summary").asString()).contains("금기 상호작용").contains("함께 투여하지 마십시오");
            assertThat(en.path("summary").asString()).contains("contraindicated interaction");
            assertThat(ko.path("whatHappens").asString())
                    .isEqualTo(en.path("whatHappens").asString());
            // ONC has no text for the pair: the effect is ANSM's phrase, curated in effect-phrases.tsv
            assertThat(ko.path("effect").asString()).contains("이상반응 위험 증가");
            assertThat(en.path("effect").asString()).contains("adverse effects");
        } finally {
            doctor.language("en");
        }
    }
}
