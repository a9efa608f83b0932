package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdss.medsafety.CdsHooksPayloads.ATC;
import static org.cdss.medsafety.CdsHooksPayloads.DRUGBANK;
import static org.cdss.medsafety.CdsHooksPayloads.RXNORM;
import static org.cdss.medsafety.CdsHooksPayloads.allergy;
import static org.cdss.medsafety.CdsHooksPayloads.bundle;
import static org.cdss.medsafety.CdsHooksPayloads.coding;
import static org.cdss.medsafety.CdsHooksPayloads.concept;
import static org.cdss.medsafety.CdsHooksPayloads.dosed;
import static org.cdss.medsafety.CdsHooksPayloads.emptyBundle;
import static org.cdss.medsafety.CdsHooksPayloads.medicationRequest;
import static org.cdss.medsafety.CdsHooksPayloads.request;

import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * CDS Hooks 2.0: discovery, order-select and order-sign with FHIR R4 payloads shaped like the specification's
 * examples, prefetch and FHIR errors, and feedback, called by a logged-in prescriber (session + CSRF).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MedsafetyCdsHooksIntegrationTests {

    static final String SELECT = "/cds-services/cdss-medsafety-order-select";
    static final String SIGN = "/cds-services/cdss-medsafety-order-sign";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    ApiClient doctor;

    @BeforeAll
    void login() {
        doctor = new ApiClient(port);
        assertThat(doctor.login(testUsers.staff(Role.DOCTOR).username(), TestUsers.PASSWORD).status())
                .isEqualTo(200);
    }

    JsonNode cards(String path, Map<String, Object> body) {
        var response = doctor.post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("cards");
    }

    static JsonNode cardAbout(JsonNode cards, String text) {
        for (JsonNode card : cards) {
            if (card.path("summary").asString().toLowerCase().contains(text.toLowerCase())) {
                return card;
            }
        }
        throw new AssertionError("no card about " + text + " in " + cards);
    }

    static Map<String, Object> simvastatinDraft() {
        return medicationRequest("smart-MedicationRequest-103", "draft", concept("Simvastatin 40 MG Oral Tablet",
                coding(DRUGBANK, "DB00641", "Simvastatin")));
    }

    static Map<String, Object> clarithromycinActive() {
        return medicationRequest("active-1", "active", concept(null,
                coding(ATC, "J01FA09", "clarithromycin")));
    }

    @Test
    void discovery_lists_order_select_and_order_sign_with_prefetch_without_a_login() {
        var response = new ApiClient(port).get("/cds-services");
        assertThat(response.status()).isEqualTo(200);
        JsonNode services = response.json().path("services");
        assertThat(services.findValuesAsString("hook")).containsExactly("order-select", "order-sign");
        for (JsonNode service : services) {
            assertThat(service.path("id").asString()).isNotBlank();
            assertThat(service.path("description").asString()).isNotBlank();
            assertThat(service.path("prefetch").path("patient").asString())
                    .isEqualTo("Patient/{{context.patientId}}");
            assertThat(service.path("prefetch").path("allergies").asString()).startsWith("AllergyIntolerance?");
            assertThat(service.path("prefetch").path("medications").asString()).contains("status=active");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void order_select_simvastatin_with_clarithromycin_taken_gives_a_critical_card_logged_in_the_alert_log() {
        Map<String, Object> body = request("order-select", bundle(simvastatinDraft()), emptyBundle(),
                bundle(clarithromycinActive()));
        ((Map<String, Object>) body.get("context")).put("selections",
                List.of("MedicationRequest/smart-MedicationRequest-103"));
        JsonNode cards = cards(SELECT, body);
        JsonNode card = cardAbout(cards, "simvastatin");
        assertThat(card.path("indicator").asString()).isEqualTo("critical");
        assertThat(card.path("summary").asString()).contains("Clarithromycin").hasSizeLessThanOrEqualTo(140);
        assertThat(card.path("uuid").asString()).hasSize(36);
        assertThat(card.path("source").path("label").asString()).contains("CDSS medication knowledge base");
        assertThat(card.path("detail").asString()).contains("What to do");
        assertThat(card.path("overrideReasons").findValuesAsString("code")).contains("BENEFIT_OUTWEIGHS_RISK");
        assertThat(card.path("detail").asString()).doesNotContain("identified by name only");
    }

    @Test
    void order_sign_amoxicillin_with_a_penicillin_allergy_gives_an_allergy_card() {
        JsonNode cards = cards(SIGN, request("order-sign",
                bundle(dosed(medicationRequest("draft-1", "draft", concept("Amoxicillin 500 MG Oral Capsule",
                        coding(RXNORM, "308191", "Amoxicillin 500 MG Oral Capsule"))), 500, "mg", 3)),
                bundle(allergy("allergy-1", concept("Penicillin", coding("http://snomed.info/sct", "764146007",
                        "Penicillin")))),
                emptyBundle()));
        JsonNode card = cardAbout(cards, "allergy");
        assertThat(card.path("indicator").asString()).isIn("critical", "warning");
        // RxNorm is not mapped in the knowledge base: the card says the drug was recognised by its name
        assertThat(card.path("detail").asString()).contains("Identified by name only")
                .contains("Amoxicillin 500 MG Oral Capsule");
    }

    @Test
    void a_drug_named_in_korean_is_recognised_and_an_unknown_coding_gives_an_incomplete_card() {
        JsonNode cards = cards(SIGN, request("order-sign",
                bundle(medicationRequest("d1", "draft", concept("심바스타틴")),
                        medicationRequest("d2", "draft", concept(null, coding(RXNORM, "999999999", null)))),
                emptyBundle(), bundle(clarithromycinActive())));
        assertThat(cardAbout(cards, "Simvastatin").path("indicator").asString()).isEqualTo("critical");
        assertThat(cardAbout(cards, "Simvastatin").path("detail").asString()).contains("Identified by name only")
                .contains("심바스타틴");
        JsonNode incomplete = cardAbout(cards, "incomplete");
        assertThat(incomplete.path("indicator").asString()).isEqualTo("warning");
        assertThat(incomplete.path("detail").asString()).contains("999999999").contains("NOT checked");
    }

    @Test
    void a_dose_above_the_adult_maximum_from_dosage_instruction_gives_a_card() {
        JsonNode cards = cards(SIGN, request("order-sign", bundle(dosed(simvastatinDraft(), 120, "mg", 1)),
                emptyBundle(), emptyBundle()));
        assertThat(cardAbout(cards, "dose").path("detail").asString()).contains("120 mg");
    }

    @Test
    void empty_draft_orders_give_no_cards() {
        JsonNode cards = cards(SIGN, request("order-sign", CdsHooksPayloads.emptyBundle(), emptyBundle(),
                emptyBundle()));
        assertThat(cards.isArray()).isTrue();
        assertThat(cards).isEmpty();
    }

    @Test
    void missing_required_prefetch_is_412_problem() {
        var response = doctor.post(SIGN, request("order-sign", bundle(simvastatinDraft()), null, emptyBundle()));
        assertThat(response.status()).isEqualTo(412);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("detail")).contains("allergies");
    }

    @Test
    @SuppressWarnings("unchecked")
    void malformed_fhir_is_400_problem_with_a_clear_detail_and_no_stack_trace() {
        Map<String, Object> bad = new HashMap<>(simvastatinDraft());
        bad.put("status", List.of("not", "a", "code"));
        var response = doctor.post(SIGN, request("order-sign", bundle(bad), emptyBundle(), emptyBundle()));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("errors").findValuesAsString("pointer")).contains("/context/draftOrders");
        assertThat(response.body()).contains("FHIR").doesNotContain("at ca.uhn").doesNotContain("Exception");

        var notABundle = doctor.post(SIGN, request("order-sign", Map.of("resourceType", "Patient"), emptyBundle(),
                emptyBundle()));
        assertThat(notABundle.status()).isEqualTo(400);

        Map<String, Object> wrongHook = request("order-select", bundle(simvastatinDraft()), emptyBundle(),
                emptyBundle());
        assertThat(doctor.post(SIGN, wrongHook).status()).isEqualTo(400);
        assertThat(doctor.raw("POST", SIGN, "application/json", "{\"hook\": ").status()).isEqualTo(400);
    }

    @Test
    void too_many_draft_orders_are_refused_and_an_unknown_service_is_404() {
        List<Map<String, Object>> drafts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            drafts.add(medicationRequest("d" + i, "draft", concept(null, coding(DRUGBANK, "DB00641", null))));
        }
        var response = doctor.post(SIGN, request("order-sign", bundle(drafts.toArray(Map[]::new)), emptyBundle(),
                emptyBundle()));
        assertThat(response.status()).as(response.body()).isIn(400, 413);
        assertThat(response.isProblem()).isTrue();
        assertThat(doctor.post("/cds-services/no-such-service", request("order-sign", bundle(simvastatinDraft()),
                emptyBundle(), emptyBundle())).status()).isEqualTo(404);
    }

    @Test
    void feedback_records_accepted_and_overridden_cards_in_the_override_stats() {
        JsonNode cards = cards(SIGN, request("order-sign", bundle(simvastatinDraft()), emptyBundle(),
                bundle(clarithromycinActive())));
        JsonNode card = cardAbout(cards, "simvastatin");
        String uuid = card.path("uuid").asString();
        ApiClient admin = new ApiClient(port);
        admin.login(testUsers.staff(Role.ADMIN).username(), TestUsers.PASSWORD);
        long overriddenBefore = overridden(admin);

        var noComment = doctor.post(SIGN + "/feedback", Map.of("feedback", List.of(Map.of("card", uuid,
                "outcome", "overridden", "overrideReason", Map.of("reason", Map.of("system",
                        CdsHooksService.OVERRIDE_SYSTEM, "code", "BENEFIT_OUTWEIGHS_RISK")),
                "outcomeTimestamp", "2026-11-25T10:00:00Z"))));
        assertThat(noComment.status()).as(noComment.body()).isEqualTo(422);

        var ok = doctor.post(SIGN + "/feedback", Map.of("feedback", List.of(Map.of("card", uuid,
                "outcome", "overridden", "overrideReason", Map.of("reason", Map.of("system",
                        CdsHooksService.OVERRIDE_SYSTEM, "code", "BENEFIT_OUTWEIGHS_RISK"),
                        "userComment", "short course, CK monitored"),
                "outcomeTimestamp", "2026-11-25T10:00:00Z"))));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(overridden(admin)).isEqualTo(overriddenBefore + 1);
        assertThat(doctor.post(SIGN + "/feedback", Map.of("feedback", List.of(Map.of("card", uuid,
                "outcome", "accepted", "outcomeTimestamp", "2026-11-25T10:00:00Z")))).status()).isEqualTo(409);

        JsonNode second = cardAbout(cards(SIGN, request("order-sign", bundle(simvastatinDraft()), emptyBundle(),
                bundle(clarithromycinActive()))), "simvastatin");
        assertThat(doctor.post(SIGN + "/feedback", Map.of("feedback", List.of(Map.of("card",
                second.path("uuid").asString(), "outcome", "accepted", "outcomeTimestamp",
                "2026-11-25T10:00:00Z")))).status()).isEqualTo(200);

        assertThat(doctor.post(SIGN + "/feedback", Map.of("feedback", List.of(Map.of("card",
                java.util.UUID.randomUUID().toString(), "outcome", "accepted")))).status()).isEqualTo(404);
        ApiClient nurse = new ApiClient(port);
        nurse.login(testUsers.staff(Role.NURSE).username(), TestUsers.PASSWORD);
        assertThat(nurse.post(SIGN + "/feedback", Map.of("feedback", List.of(Map.of("card",
                second.path("uuid").asString(), "outcome", "accepted")))).status()).isEqualTo(404);
    }

    @Test
    void services_need_a_prescriber_session_with_csrf() {
        Map<String, Object> body = request("order-sign", bundle(simvastatinDraft()), emptyBundle(), emptyBundle());
        ApiClient anonymous = new ApiClient(port);
        anonymous.ensureCsrf();
        assertThat(anonymous.post(SIGN, body).status()).isEqualTo(401);
        ApiClient receptionist = new ApiClient(port);
        receptionist.login(testUsers.staff(Role.ADMIN_STAFF).username(), TestUsers.PASSWORD);
        assertThat(receptionist.post(SIGN, body).status()).isEqualTo(403);
        ApiClient forged = new ApiClient(port);
        forged.login(testUsers.staff(Role.DOCTOR).username(), TestUsers.PASSWORD);
        forged.forgeCsrfHeader("forged");
        assertThat(forged.post(SIGN, body).status()).isEqualTo(403);
    }

    long overridden(ApiClient admin) {
        var response = admin.get("/api/admin/medsafety/override-stats");
        long total = 0;
        for (JsonNode row : response.json()) {
            total += row.path("timesOverridden").asLong();
        }
        return total;
    }
}
