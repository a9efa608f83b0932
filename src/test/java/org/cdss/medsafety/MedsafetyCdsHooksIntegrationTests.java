package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdss.medsafety.CdsHooksPayloads.ATC;
import static org.cdss.medsafety.CdsHooksPayloads.DRUGBANK;
import static org.cdss.medsafety.CdsHooksPayloads.RXNORM;
import static org.cdss.medsafety.CdsHooksPayloads.allergy;
import static org.cdss.medsafety.CdsHooksPayloads.bodyWeight;
import static org.cdss.medsafety.CdsHooksPayloads.bundle;
import static org.cdss.medsafety.CdsHooksPayloads.coding;
import static org.cdss.medsafety.CdsHooksPayloads.concept;
import static org.cdss.medsafety.CdsHooksPayloads.dosed;
import static org.cdss.medsafety.CdsHooksPayloads.emptyBundle;
import static org.cdss.medsafety.CdsHooksPayloads.medicationRequest;
import static org.cdss.medsafety.CdsHooksPayloads.patient;
import static org.cdss.medsafety.CdsHooksPayloads.request;
import static org.cdss.medsafety.CdsHooksPayloads.withPrefetch;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
        assertThat(doctor.login(testUsers.staff(Role.DOCTOR).username(), TestUsers.PASSWORD)
                        .status())
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
        return medicationRequest(
                "smart-MedicationRequest-103",
                "draft",
                concept("Simvastatin 40 MG Oral Tablet", coding(DRUGBANK, "DB00641", "Simvastatin")));
    }

    static Map<String, Object> clarithromycinActive() {
        return medicationRequest("active-1", "active", concept(null, coding(ATC, "J01FA09", "clarithromycin")));
    }

    @Test
    void discovery_lists_order_select_and_order_sign_with_prefetch_without_a_login() {
        var response = new ApiClient(port).get("/cds-services");
        assertThat(response.status()).isEqualTo(200);
        JsonNode services = response.json().path("services");
        assertThat(services.findValuesAsString("hook")).containsExactly("order-select", "order-sign", "patient-view");
        for (JsonNode service : services) {
            if (service.path("hook").asString().equals("patient-view")) {
                continue; // PatientViewCdsHooksIntegrationTests
            }
            assertThat(service.path("id").asString()).isNotBlank();
            assertThat(service.path("description").asString()).isNotBlank();
            assertThat(service.path("prefetch").path("patient").asString()).isEqualTo("Patient/{{context.patientId}}");
            assertThat(service.path("prefetch").path("allergies").asString()).startsWith("AllergyIntolerance?");
            assertThat(service.path("prefetch").path("medications").asString()).contains("status=active");
            assertThat(service.path("prefetch").path("weight").asString())
                    .startsWith("Observation?")
                    .contains("code=http://loinc.org|29463-7");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void order_select_simvastatin_with_clarithromycin_taken_gives_a_critical_card_logged_in_the_alert_log() {
        Map<String, Object> body =
                request("order-select", bundle(simvastatinDraft()), emptyBundle(), bundle(clarithromycinActive()));
        ((Map<String, Object>) body.get("context"))
                .put("selections", List.of("MedicationRequest/smart-MedicationRequest-103"));
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

    /**
     * The cards are in the reader's language (ADR 0032, as the JSON API's alerts): Korean for {@code Accept-Language:
     * ko} (our Korean UI's basket), English when the caller names no language (an outside EHR); the source text stays
     * in the detail either way.
     */
    @Test
    @SuppressWarnings("unchecked")
    void the_same_order_select_call_gives_a_korean_summary_for_ko_and_english_without_accept_language() {
        Map<String, Object> body =
                request("order-select", bundle(simvastatinDraft()), emptyBundle(), bundle(clarithromycinActive()));
        ((Map<String, Object>) body.get("context"))
                .put("selections", List.of("MedicationRequest/smart-MedicationRequest-103"));
        Map<String, JsonNode> byLanguage = new HashMap<>();
        for (String language : new String[] {"ko", null}) {
            ApiClient client = new ApiClient(port).language(language);
            assertThat(client.login(testUsers.staff(Role.DOCTOR).username(), TestUsers.PASSWORD)
                            .status())
                    .isEqualTo(200);
            var response = client.post(SELECT, body);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            byLanguage.put(
                    language == null ? "none" : language,
                    cardAbout(response.json().path("cards"), "simvastatin"));
        }
        JsonNode ko = byLanguage.get("ko");
        JsonNode en = byLanguage.get("none");
        assertThat(ko.path("summary").asString())
                .contains("금기 상호작용")
                .contains("함께 투여하지 마십시오")
                .hasSizeLessThanOrEqualTo(140);
        assertThat(en.path("summary").asString())
                .contains("contraindicated interaction")
                .contains("Do not give together")
                .doesNotContain("금기");
        assertThat(ko.path("detail").asString()).contains("원문").contains("조치:");
        assertThat(en.path("detail").asString()).contains("Source text").contains("What to do:");
        // the source text is the same in both
        String sourceText = en.path("detail").asString().split("\\*\\*Source text\\*\\*\\n\\n", 2)[1];
        assertThat(ko.path("detail").asString()).contains(sourceText.substring(0, sourceText.indexOf("\n\n")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_active_medication_statement_in_the_medications_bundle_counts_as_taken_and_a_stopped_one_does_not() {
        // our own order basket sends the patient's medication list (MedicationStatement) with the orders (ADR 0033)
        Map<String, Object> taken = new java.util.LinkedHashMap<>(Map.of(
                "resourceType", "MedicationStatement",
                "id", "statement-1",
                "status", "active",
                "subject", Map.of("reference", "Patient/example"),
                "medicationCodeableConcept", concept(null, coding(ATC, "J01FA09", "clarithromycin"))));
        Map<String, Object> body = request("order-select", bundle(simvastatinDraft()), emptyBundle(), bundle(taken));
        ((Map<String, Object>) body.get("context"))
                .put("selections", List.of("MedicationRequest/smart-MedicationRequest-103"));
        assertThat(cardAbout(cards(SELECT, body), "simvastatin")
                        .path("indicator")
                        .asString())
                .isEqualTo("critical");

        taken.put("status", "stopped");
        Map<String, Object> stopped = request("order-select", bundle(simvastatinDraft()), emptyBundle(), bundle(taken));
        assertThat(cards(SELECT, stopped).findValuesAsString("summary")).noneMatch(s -> s.contains("Clarithromycin"));
    }

    @Test
    void order_sign_amoxicillin_with_a_penicillin_allergy_gives_an_allergy_card() {
        JsonNode cards = cards(
                SIGN,
                request(
                        "order-sign",
                        bundle(dosed(
                                medicationRequest(
                                        "draft-1",
                                        "draft",
                                        concept(
                                                "Amoxicillin 500 MG Oral Capsule",
                                                coding(RXNORM, "308191", "Amoxicillin 500 MG Oral Capsule"))),
                                500,
                                "mg",
                                3)),
                        bundle(allergy(
                                "allergy-1",
                                concept("Penicillin", coding("http://snomed.info/sct", "764146007", "Penicillin")))),
                        emptyBundle()));
        JsonNode card = cardAbout(cards, "allergy");
        assertThat(card.path("indicator").asString()).isIn("critical", "warning");
        // RxNorm 308191 is a product (only ingredient RxCUIs are mapped): the card says it was recognised by name
        assertThat(card.path("detail").asString())
                .contains("Identified by name only")
                .contains("Amoxicillin 500 MG Oral Capsule");
    }

    @Test
    void the_specifications_order_sign_example_rxnorm_617993_with_a_penicillin_allergy_gives_a_critical_card()
            throws Exception {
        // the CDS Hooks order-sign R4 example: a draftOrders Bundle without type, a NutritionOrder beside the
        // MedicationRequest, and an RxNorm clinical drug (not an ingredient) read through its normalised name
        String example;
        try (var in = getClass().getResourceAsStream("/medsafety/cds-hooks-order-sign-r4-example.json")) {
            example = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var response = doctor.post(SIGN, example);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode cards = response.json().path("cards");
        JsonNode card = cardAbout(cards, "allergy");
        assertThat(card.path("indicator").asString()).isEqualTo("critical");
        assertThat(card.path("detail").asString()).contains("amoxicillin 250 MG / clavulanate 62.5 MG");
        for (JsonNode c : cards) {
            assertThat(c.path("summary").asString()).doesNotContainIgnoringCase("could not be completed");
        }
    }

    /**
     * The order-sign R4 example exactly as the CDS Hooks specification gives it (cds-hooks/docs, hooks/order-sign.md,
     * "Example (R4)": context copied whole), wrapped with a hook, an instance id and a prefetch holding a penicillin
     * allergy: RxNorm 617993 named "Amoxicillin 120 MG/ML / clavulanate potassium 8.58 MG/ML Oral Suspension" (a
     * concentration and a salt), the dose written on the Dosage itself (STU3 style, not in doseAndRate), a
     * PractitionerRole user, a Bundle without type and a NutritionOrder with a supplement. A critical allergy card,
     * never "check incomplete" and never a 400.
     */
    @Test
    void the_specifications_order_sign_r4_example_verbatim_with_a_penicillin_allergy_gives_a_critical_card()
            throws Exception {
        String example;
        try (var in = getClass().getResourceAsStream("/medsafety/cds-hooks-order-sign-r4-spec-verbatim.json")) {
            example = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var response = doctor.post(SIGN, example);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode cards = response.json().path("cards");
        JsonNode card = cardAbout(cards, "allergy");
        assertThat(card.path("indicator").asString()).isEqualTo("critical");
        assertThat(card.path("detail").asString()).containsIgnoringCase("amoxicillin 120 MG/ML");
        for (JsonNode c : cards) {
            assertThat(c.path("summary").asString()).doesNotContainIgnoringCase("could not be completed");
        }
    }

    @Test
    void an_rxnorm_ingredient_code_without_a_name_is_recognised_by_its_rxcui() {
        JsonNode cards = cards(
                SIGN,
                request(
                        "order-sign",
                        bundle(medicationRequest("d1", "draft", concept(null, coding(RXNORM, "723", null)))),
                        bundle(allergy(
                                "allergy-1",
                                concept("Penicillin", coding("http://snomed.info/sct", "764146007", "Penicillin")))),
                        emptyBundle()));
        JsonNode card = cardAbout(cards, "allergy");
        assertThat(card.path("indicator").asString()).isEqualTo("critical");
        assertThat(card.path("detail").asString()).doesNotContain("Identified by name only");
        for (JsonNode c : cards) {
            assertThat(c.path("summary").asString()).doesNotContainIgnoringCase("could not be completed");
        }
    }

    @Test
    void an_rxnorm_clinical_drug_of_an_unknown_ingredient_still_gives_an_incomplete_card() {
        String display = "zorbixatide 10 MG Oral Tablet";
        JsonNode cards = cards(
                SIGN,
                request(
                        "order-sign",
                        bundle(medicationRequest("d1", "draft", concept(null, coding(RXNORM, "99999998", display)))),
                        emptyBundle(),
                        emptyBundle()));
        JsonNode incomplete = cardAbout(cards, "could not be completed");
        assertThat(incomplete.path("indicator").asString()).isEqualTo("warning");
        assertThat(incomplete.path("detail").asString()).contains("zorbixatide").contains("NOT checked");
    }

    @Test
    void a_drug_named_in_korean_is_recognised_and_an_unknown_coding_gives_an_incomplete_card() {
        JsonNode cards = cards(
                SIGN,
                request(
                        "order-sign",
                        bundle(
                                medicationRequest("d1", "draft", concept("심바스타틴")),
                                medicationRequest("d2", "draft", concept(null, coding(RXNORM, "999999999", null)))),
                        emptyBundle(),
                        bundle(clarithromycinActive())));
        assertThat(cardAbout(cards, "Simvastatin").path("indicator").asString()).isEqualTo("critical");
        assertThat(cardAbout(cards, "Simvastatin").path("detail").asString())
                .contains("Identified by name only")
                .contains("심바스타틴");
        JsonNode incomplete = cardAbout(cards, "could not be completed");
        assertThat(incomplete.path("indicator").asString()).isEqualTo("warning");
        assertThat(incomplete.path("detail").asString()).contains("999999999").contains("NOT checked");
    }

    @Test
    void a_dose_above_the_adult_maximum_from_dosage_instruction_gives_a_card() {
        JsonNode cards = cards(
                SIGN,
                request("order-sign", bundle(dosed(simvastatinDraft(), 120, "mg", 1)), emptyBundle(), emptyBundle()));
        assertThat(cardAbout(cards, "dose").path("detail").asString()).contains("120 mg");
    }

    // Age from Patient.birthDate and weight from the optional "weight" prefetch select the age band's limits, as on
    // the order path (MedsafetyDoseAgeIntegrationTests): 400 mg of paracetamol is within the adult maximum (1 000 mg)
    // but above 15 mg/kg for a 4-year-old of 16 kg (240 mg); 1 600 mg a day is above 75 mg/kg (1 200 mg).
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    static String bornYearsAgo(int years) {
        return LocalDate.now(SEOUL).minusYears(years).minusMonths(3).toString();
    }

    static String daysAgo(int days) {
        return OffsetDateTime.now(SEOUL)
                .minusDays(days)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    static Map<String, Object> paracetamolDraft() {
        return dosed(
                medicationRequest(
                        "draft-paracetamol",
                        "draft",
                        concept(
                                "Acetaminophen 160 MG/5ML Oral " + "Suspension",
                                coding(DRUGBANK, "DB00316", "Acetaminophen"))),
                400,
                "mg",
                4);
    }

    Map<String, Object> childRequest(Object weight) {
        Map<String, Object> body = withPrefetch(
                request("order-sign", bundle(paracetamolDraft()), emptyBundle(), emptyBundle()),
                "patient",
                patient(bornYearsAgo(4)));
        return weight == null ? body : withPrefetch(body, "weight", weight);
    }

    @Test
    void a_child_weighed_in_the_prefetch_gets_the_per_kg_paediatric_limit_with_its_source() {
        JsonNode cards = cards(
                SIGN,
                childRequest(bundle(bodyWeight("w1", 16, "kg", daysAgo(2)), bodyWeight("w0", 12, "kg", daysAgo(20)))));
        List<String> details = cards.findValuesAsString("detail");
        assertThat(details)
                .anySatisfy(d -> assertThat(d)
                        .contains(
                                "single dose 400 mg is above the paediatric " + "(16 kg) maximum single dose of 240 mg")
                        .contains("Sullivan JE")
                        .contains("DOSE-PAED-MAX-SINGLE"));
        assertThat(details)
                .anySatisfy(d -> assertThat(d)
                        .contains("daily dose 1600 mg is above the paediatric "
                                + "(16 kg) maximum daily dose of 1200 mg"));
        assertThat(cardAbout(cards, "dose").path("indicator").asString()).isEqualTo("warning");

        // the same weight in grams (UCUM g) is converted
        JsonNode grams = cards(SIGN, childRequest(bundle(bodyWeight("w1", 16000, "g", daysAgo(2)))));
        assertThat(grams.toString()).contains("paediatric (16 kg) maximum single dose of 240 mg");
    }

    @Test
    void a_child_without_a_recent_weight_gets_a_check_incomplete_card() {
        for (Map<String, Object> body : List.of(
                childRequest(null),
                childRequest(emptyBundle()),
                childRequest(bundle(bodyWeight("old", 16, "kg", daysAgo(40)))))) {
            JsonNode cards = cards(SIGN, body);
            JsonNode incomplete = cardAbout(cards, "could not be completed");
            assertThat(incomplete.path("indicator").asString()).isEqualTo("warning");
            assertThat(incomplete.path("detail").asString())
                    .contains("weight needed")
                    .contains("INCOMPLETE-DOSE-WEIGHT:DB00316")
                    .contains("Sullivan JE");
            assertThat(cards.toString()).doesNotContain("DOSE-MAX-").doesNotContain("DOSE-PAED-MAX-");
        }
    }

    @Test
    void an_eighty_year_old_gets_the_elderly_maximum_of_zolpidem() {
        Map<String, Object> zolpidem = dosed(
                medicationRequest(
                        "draft-zolpidem",
                        "draft",
                        concept("Zolpidem " + "tartrate 10 MG Oral Tablet", coding(ATC, "N05CF02", "zolpidem"))),
                10,
                "mg",
                1);
        JsonNode elderly = cards(
                SIGN,
                withPrefetch(
                        request("order-sign", bundle(zolpidem), emptyBundle(), emptyBundle()),
                        "patient",
                        patient(bornYearsAgo(80))));
        assertThat(elderly.findValuesAsString("detail"))
                .anySatisfy(d -> assertThat(d)
                        .contains("single dose 10 mg is above the elderly maximum single dose of 5 mg")
                        .contains("FDA label (Ambien, 2013)")
                        .contains("DOSE-ELDERLY-MAX-SINGLE:DB00425"));
        assertThat(cardAbout(elderly, "dose").path("indicator").asString()).isEqualTo("warning");
        // 10 mg is the adult maximum: no card for a 50-year-old
        JsonNode adult = cards(
                SIGN,
                withPrefetch(
                        request("order-sign", bundle(zolpidem), emptyBundle(), emptyBundle()),
                        "patient",
                        patient(bornYearsAgo(50))));
        assertThat(adult.toString()).doesNotContain("DOSE-");
    }

    @Test
    void a_malformed_birth_date_or_weight_is_400_problem() {
        Map<String, Object> weight = bundle(bodyWeight("w1", 16, "kg", daysAgo(2)));
        var badDate = doctor.post(SIGN, withPrefetch(childRequest(weight), "patient", patient("14/05/2021")));
        assertThat(badDate.status()).as(badDate.body()).isEqualTo(400);
        assertThat(badDate.isProblem()).isTrue();
        assertThat(badDate.json().path("errors").findValuesAsString("pointer")).contains("/prefetch/patient");

        var future = doctor.post(
                SIGN,
                withPrefetch(
                        childRequest(weight),
                        "patient",
                        patient(LocalDate.now(SEOUL).plusDays(2).toString())));
        assertThat(future.status()).as(future.body()).isEqualTo(400);
        assertThat(future.json().path("errors").findValuesAsString("pointer")).contains("/prefetch/patient/birthDate");

        var length = doctor.post(SIGN, childRequest(bundle(bodyWeight("w1", 16, "cm", daysAgo(2)))));
        assertThat(length.status()).as(length.body()).isEqualTo(400);
        assertThat(length.json().path("errors").findValuesAsString("pointer")).contains("/prefetch/weight");

        var notABundle = doctor.post(SIGN, childRequest(bodyWeight("w1", 16, "kg", daysAgo(2))));
        assertThat(notABundle.status()).as(notABundle.body()).isEqualTo(400);
        assertThat(notABundle.json().path("errors").findValuesAsString("pointer"))
                .contains("/prefetch/weight");
    }

    @Test
    void empty_draft_orders_give_no_cards() {
        JsonNode cards =
                cards(SIGN, request("order-sign", CdsHooksPayloads.emptyBundle(), emptyBundle(), emptyBundle()));
        assertThat(cards.isArray()).isTrue();
        assertThat(cards).isEmpty();
    }

    /**
     * What the check reads must be of the context's patient: a prefetched Patient, a draft order or an allergy of
     * another patient (a stale prefetch, another chart's tab) is a 400 naming the part, not a check of one patient's
     * orders against another's allergies.
     */
    @Test
    void resources_of_another_patient_are_refused() {
        Map<String, Object> otherPatient = withPrefetch(
                request("order-sign", bundle(simvastatinDraft()), emptyBundle(), emptyBundle()),
                "patient",
                Map.of("resourceType", "Patient", "id", "other", "gender", "male", "birthDate", "1950-01-01"));
        Map<String, Object> otherDraft = new HashMap<>(simvastatinDraft());
        otherDraft.put("subject", Map.of("reference", "Patient/other"));
        Map<String, Object> otherAllergy = Map.of(
                "resourceType",
                "AllergyIntolerance",
                "patient",
                Map.of("reference", "Patient/other"),
                "code",
                Map.of("text", "Penicillin"));
        Map<String, Map<String, Object>> cases = Map.of(
                "/prefetch/patient", otherPatient,
                "/context/draftOrders", request("order-sign", bundle(otherDraft), emptyBundle(), emptyBundle()),
                "/prefetch/allergies",
                        request("order-sign", bundle(simvastatinDraft()), bundle(otherAllergy), emptyBundle()));
        cases.forEach((pointer, body) -> {
            var response = doctor.post(SIGN, body);
            assertThat(response.status()).as(pointer + ": " + response.body()).isEqualTo(400);
            assertThat(response.json().path("errors").findValuesAsString("pointer"))
                    .containsExactly(pointer);
        });
        // the same request with every part of the patient is checked as before
        assertThat(doctor.post(SIGN, request("order-sign", bundle(simvastatinDraft()), emptyBundle(), emptyBundle()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void missing_required_prefetch_is_412_problem() {
        var response = doctor.post(SIGN, request("order-sign", bundle(simvastatinDraft()), null, emptyBundle()));
        assertThat(response.status()).isEqualTo(412);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("code").asString()).isEqualTo("medsafety.cds-prefetch-missing");
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

        var notABundle = doctor.post(
                SIGN, request("order-sign", Map.of("resourceType", "Patient"), emptyBundle(), emptyBundle()));
        assertThat(notABundle.status()).isEqualTo(400);

        Map<String, Object> wrongHook =
                request("order-select", bundle(simvastatinDraft()), emptyBundle(), emptyBundle());
        assertThat(doctor.post(SIGN, wrongHook).status()).isEqualTo(400);
        assertThat(doctor.raw("POST", SIGN, "application/json", "{\"hook\": ").status())
                .isEqualTo(400);
    }

    @Test
    void too_many_draft_orders_are_refused_and_an_unknown_service_is_404() {
        List<Map<String, Object>> drafts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            drafts.add(medicationRequest("d" + i, "draft", concept(null, coding(DRUGBANK, "DB00641", null))));
        }
        var response = doctor.post(
                SIGN, request("order-sign", bundle(drafts.toArray(Map[]::new)), emptyBundle(), emptyBundle()));
        assertThat(response.status()).as(response.body()).isIn(400, 413);
        assertThat(response.isProblem()).isTrue();
        var unknown = doctor.post(
                "/cds-services/no-such-service",
                request("order-sign", bundle(simvastatinDraft()), emptyBundle(), emptyBundle()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asString()).isEqualTo("medsafety.cds-unknown-service");
    }

    @Test
    void feedback_records_accepted_and_overridden_cards_in_the_override_stats() {
        JsonNode cards = cards(
                SIGN, request("order-sign", bundle(simvastatinDraft()), emptyBundle(), bundle(clarithromycinActive())));
        JsonNode card = cardAbout(cards, "simvastatin");
        String uuid = card.path("uuid").asString();
        ApiClient admin = new ApiClient(port);
        admin.login(testUsers.staff(Role.ADMIN).username(), TestUsers.PASSWORD);
        long overriddenBefore = overridden(admin);

        var noComment = doctor.post(
                SIGN + "/feedback",
                Map.of(
                        "feedback",
                        List.of(Map.of(
                                "card",
                                uuid,
                                "outcome",
                                "overridden",
                                "overrideReason",
                                Map.of(
                                        "reason",
                                        Map.of(
                                                "system",
                                                CdsHooksService.OVERRIDE_SYSTEM,
                                                "code",
                                                "BENEFIT_OUTWEIGHS_RISK")),
                                "outcomeTimestamp",
                                "2026-11-25T10:00:00Z"))));
        assertThat(noComment.status()).as(noComment.body()).isEqualTo(422);
        assertThat(noComment.json().path("code").asString()).isEqualTo("medsafety.override-comment-required");
        assertThat(noComment.json().path("errors").findValuesAsString("pointer"))
                .containsExactly("/feedback/0/overrideReason/userComment");

        // a comment longer than the decision row holds (and the UI's form allows) is a 400 on it, not a 500
        var tooLong = doctor.post(
                SIGN + "/feedback",
                Map.of(
                        "feedback",
                        List.of(Map.of(
                                "card",
                                uuid,
                                "outcome",
                                "accepted",
                                "overrideReason",
                                Map.of("userComment", "x".repeat(CdsHooksService.MAX_COMMENT + 1)),
                                "outcomeTimestamp",
                                "2026-11-25T10:00:00Z"))));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").findValuesAsString("pointer"))
                .containsExactly("/feedback/0/overrideReason/userComment");

        var ok = doctor.post(
                SIGN + "/feedback",
                Map.of(
                        "feedback",
                        List.of(Map.of(
                                "card",
                                uuid,
                                "outcome",
                                "overridden",
                                "overrideReason",
                                Map.of(
                                        "reason",
                                        Map.of(
                                                "system",
                                                CdsHooksService.OVERRIDE_SYSTEM,
                                                "code",
                                                "BENEFIT_OUTWEIGHS_RISK"),
                                        "userComment",
                                        "short course, CK monitored"),
                                "outcomeTimestamp",
                                "2026-11-25T10:00:00Z"))));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(overridden(admin)).isEqualTo(overriddenBefore + 1);
        assertThat(doctor.post(
                                SIGN + "/feedback",
                                Map.of(
                                        "feedback",
                                        List.of(Map.of(
                                                "card",
                                                uuid,
                                                "outcome",
                                                "accepted",
                                                "outcomeTimestamp",
                                                "2026-11-25T10:00:00Z"))))
                        .status())
                .isEqualTo(409);

        JsonNode second = cardAbout(
                cards(
                        SIGN,
                        request(
                                "order-sign",
                                bundle(simvastatinDraft()),
                                emptyBundle(),
                                bundle(clarithromycinActive()))),
                "simvastatin");
        assertThat(doctor.post(
                                SIGN + "/feedback",
                                Map.of(
                                        "feedback",
                                        List.of(Map.of(
                                                "card",
                                                second.path("uuid").asString(),
                                                "outcome",
                                                "accepted",
                                                "outcomeTimestamp",
                                                "2026-11-25T10:00:00Z"))))
                        .status())
                .isEqualTo(200);

        var unknownCard = doctor.post(
                SIGN + "/feedback",
                Map.of(
                        "feedback",
                        List.of(Map.of("card", java.util.UUID.randomUUID().toString(), "outcome", "accepted"))));
        assertThat(unknownCard.status()).isEqualTo(404);
        assertThat(unknownCard.json().path("code").asString()).isEqualTo("medsafety.cds-card-not-found");
        ApiClient nurse = new ApiClient(port);
        nurse.login(testUsers.staff(Role.NURSE).username(), TestUsers.PASSWORD);
        assertThat(nurse.post(
                                SIGN + "/feedback",
                                Map.of(
                                        "feedback",
                                        List.of(Map.of(
                                                "card", second.path("uuid").asString(), "outcome", "accepted"))))
                        .status())
                .isEqualTo(404);
    }

    /**
     * Cards follow {@link OverridePolicy} like the order send and the UI: a hard stop is critical and offers every
     * reason, an incomplete check is a warning that offers no reason and is acknowledged by "overridden" alone, an
     * interruptive alert overridden with OTHER needs a comment.
     */
    @Test
    void cards_and_feedback_follow_the_one_override_policy() {
        JsonNode hardStop = cardAbout(
                cards(
                        SIGN,
                        request(
                                "order-sign",
                                bundle(simvastatinDraft()),
                                emptyBundle(),
                                bundle(clarithromycinActive()))),
                "simvastatin");
        OverrideRequirement stop = OverridePolicy.requirement(AlertType.INTERACTION, AlertTier.HARD_STOP);
        assertThat(hardStop.path("indicator").asString()).isEqualTo("critical");
        assertThat(hardStop.path("overrideReasons").findValuesAsString("code"))
                .containsExactlyElementsOf(
                        stop.reasons().stream().map(Enum::name).toList());

        JsonNode incomplete = cardAbout(cards(SIGN, childRequest(null)), "could not be completed");
        assertThat(OverridePolicy.requirement(AlertType.INCOMPLETE, AlertTier.SHOWN)
                        .reasons())
                .isEmpty();
        assertThat(incomplete.path("indicator").asString()).isEqualTo("warning");
        assertThat(incomplete.path("overrideReasons").isEmpty()).isTrue();
        var acknowledged = doctor.post(
                SIGN + "/feedback",
                Map.of(
                        "feedback",
                        List.of(Map.of(
                                "card",
                                incomplete.path("uuid").asString(),
                                "outcome",
                                "overridden",
                                "outcomeTimestamp",
                                "2026-11-25T10:00:00Z"))));
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);

        JsonNode allergy = cardAbout(
                cards(
                        SIGN,
                        request(
                                "order-sign",
                                bundle(dosed(
                                        medicationRequest(
                                                "draft-1",
                                                "draft",
                                                concept(
                                                        "Cephalexin 500 MG Oral Capsule",
                                                        coding(DRUGBANK, "DB00567", "Cephalexin"))),
                                        500,
                                        "mg",
                                        3)),
                                bundle(allergy(
                                        "allergy-1",
                                        concept("Amoxicillin", coding(DRUGBANK, "DB01060", "Amoxicillin")))),
                                emptyBundle())),
                "allergy");
        assertThat(allergy.path("indicator").asString()).isEqualTo("warning");
        assertThat(allergy.path("detail").asString())
                .as("the card names the class that matched")
                .contains("R1 side chain");
        Map<String, Object> other =
                Map.of("reason", Map.of("system", CdsHooksService.OVERRIDE_SYSTEM, "code", "OTHER"));
        var otherWithoutComment = doctor.post(
                SIGN + "/feedback",
                Map.of(
                        "feedback",
                        List.of(Map.of(
                                "card",
                                allergy.path("uuid").asString(),
                                "outcome",
                                "overridden",
                                "overrideReason",
                                other))));
        assertThat(otherWithoutComment.status()).as(otherWithoutComment.body()).isEqualTo(422);
        assertThat(otherWithoutComment.json().path("code").asString()).isEqualTo("medsafety.override-comment-required");
        var noReason = doctor.post(
                SIGN + "/feedback",
                Map.of("feedback", List.of(Map.of("card", allergy.path("uuid").asString(), "outcome", "overridden"))));
        assertThat(noReason.json().path("code").asString()).isEqualTo("medsafety.override-reason-required");
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

    /**
     * Issue 14 item 10: a moderate interaction (ANSM "précaution d'emploi": ciclosporin + fluconazole) is a warning
     * card, not info, and needs no reason: "overridden" alone is accepted as its feedback.
     */
    @Test
    void a_moderate_interaction_is_a_warning_card_that_needs_no_reason() {
        JsonNode cards = cards(
                SIGN,
                request(
                        "order-sign",
                        bundle(medicationRequest(
                                "draft-1",
                                "draft",
                                concept(
                                        "Fluconazole 150 MG Oral Capsule",
                                        coding(DRUGBANK, "DB00196", "Fluconazole")))),
                        emptyBundle(),
                        bundle(medicationRequest(
                                "active-1",
                                "active",
                                concept("Ciclosporin", coding(DRUGBANK, "DB00091", "Ciclosporin"))))));
        JsonNode moderate = cardAbout(cards, "moderate interaction");
        assertThat(moderate.path("indicator").asString()).isEqualTo("warning");
        assertThat(OverridePolicy.requirement(AlertType.INTERACTION, AlertTier.SHOWN)
                        .reasonRequired())
                .isFalse();
        var overridden = doctor.post(
                SIGN + "/feedback",
                Map.of(
                        "feedback",
                        List.of(Map.of(
                                "card",
                                moderate.path("uuid").asString(),
                                "outcome",
                                "overridden",
                                "outcomeTimestamp",
                                "2026-12-04T10:00:00Z"))));
        assertThat(overridden.status()).as(overridden.body()).isEqualTo(200);
    }

    /**
     * Issue 14 item 6: the AllergyIntolerance's reaction grades the allergy card: an aminopenicillin allergy whose
     * recorded reaction was anaphylaxis makes cephalexin (shared R1 side chain) a critical card, not a warning.
     */
    @Test
    void an_anaphylactic_reaction_recorded_in_the_allergy_makes_a_cross_reactivity_card_critical() {
        Map<String, Object> anaphylaxis =
                new HashMap<>(allergy("allergy-1", concept("Amoxicillin", coding(DRUGBANK, "DB01060", "Amoxicillin"))));
        anaphylaxis.put(
                "reaction",
                List.of(Map.of("manifestation", List.of(Map.of("text", "Anaphylaxis")), "severity", "severe")));
        JsonNode cards = cards(
                SIGN,
                request(
                        "order-sign",
                        bundle(medicationRequest(
                                "draft-1",
                                "draft",
                                concept("Cephalexin 500 MG Oral Capsule", coding(DRUGBANK, "DB00567", "Cephalexin")))),
                        bundle(anaphylaxis),
                        emptyBundle()));
        JsonNode card = cardAbout(cards, "allergy");
        assertThat(card.path("summary").asString()).contains("contraindicated");
        assertThat(card.path("indicator").asString()).isEqualTo("critical");
        assertThat(card.path("detail").asString()).contains("R1 side chain").contains("severe reaction");
    }

    /**
     * Issue 14 item 9: a SNOMED CT allergy coding is read by its display when there is no text ("Allergy to
     * penicillin (finding)", SNOMED CT 91936005), and a dose in tablets of an RxNorm clinical drug is converted with
     * the strength its name gives ("Simvastatin 40 MG Oral Tablet", 3 TAB = 120 mg, above the labelled 80 mg).
     */
    @Test
    void a_snomed_allergy_finding_coded_without_text_is_read_by_its_display() {
        JsonNode cards = cards(
                SIGN,
                request(
                        "order-sign",
                        bundle(medicationRequest(
                                "draft-1",
                                "draft",
                                concept("Amoxicillin 500 MG Oral Capsule", coding(RXNORM, "723", "amoxicillin")))),
                        bundle(allergy(
                                "allergy-1",
                                concept(
                                        null,
                                        coding(
                                                "http://snomed.info/sct",
                                                "91936005",
                                                "Allergy to penicillin (finding)")))),
                        emptyBundle()));
        JsonNode card = cardAbout(cards, "allergy");
        assertThat(card.path("indicator").asString()).isEqualTo("critical");
        assertThat(cards.toString()).doesNotContain("could not be coded");
    }

    /**
     * Issue 14 item 9: a SNOMED CT substance coding read by its display ("Sulfamethoxazole (substance)", 363528008)
     * reaches the same allergy rules; a SNOMED code with neither display nor text cannot be read (no SNOMED CT
     * release in the data) and says so with an incomplete card, never a silent pass.
     */
    @Test
    void a_snomed_substance_display_is_read_and_a_bare_snomed_code_is_check_incomplete() {
        JsonNode cards = cards(
                SIGN,
                request(
                        "order-sign",
                        bundle(medicationRequest("d1", "draft", concept("Bactrim"))),
                        bundle(allergy(
                                "allergy-1",
                                concept(
                                        null,
                                        coding(
                                                "http://snomed.info/sct",
                                                "363528008",
                                                "Sulfamethoxazole (substance)")))),
                        emptyBundle()));
        assertThat(cardAbout(cards, "allergy").path("indicator").asString()).isEqualTo("critical");
        JsonNode bare = cards(
                SIGN,
                request(
                        "order-sign",
                        bundle(medicationRequest("d1", "draft", concept("amoxicillin"))),
                        bundle(allergy("allergy-1", concept(null, coding("http://snomed.info/sct", "91936005", null)))),
                        emptyBundle()));
        assertThat(cardAbout(bare, "could not be completed").path("detail").asString())
                .contains("could not be coded");
    }

    @Test
    void a_dose_in_tablets_of_an_rxnorm_clinical_drug_is_converted_with_its_strength() {
        JsonNode cards = cards(
                SIGN,
                request("order-sign", bundle(dosed(simvastatinDraft(), 3, "TAB", 1)), emptyBundle(), emptyBundle()));
        assertThat(cardAbout(cards, "dose").path("detail").asString()).contains("120 mg");
    }
}
