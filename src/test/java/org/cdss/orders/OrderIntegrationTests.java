package org.cdss.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.OrderBodies;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The OCS life cycle end to end over HTTP, on H2, PostgreSQL and MariaDB: typed payloads, routing, the safety gate
 * at sending with override, department work, lab results with flags, invalid transitions, authorisation, optimistic
 * locking under a real race, and idempotent retries.
 */
@IntegrationTest
class OrderIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID RADIOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000004");
    static final UUID PHARMACY = UUID.fromString("0d1f0000-0000-4000-8000-000000000006");
    static final UUID LABORATORY = UUID.fromString("0d1f0000-0000-4000-8000-000000000007");
    static final String SIMVASTATIN = "DB00641";
    static final String CLARITHROMYCIN = "DB01211";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    ApiClient doctor;
    ApiClient otherDoctor;
    ApiClient pharmacist;
    ApiClient labTech;
    ApiClient radiographer;
    ApiClient nurse;
    PatientSummaryView patient;

    @BeforeEach
    void staffAndPatient() {
        doctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        otherDoctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        pharmacist = login(testUsers.staff(Role.PHARMACIST, PHARMACY).username());
        labTech = login(testUsers.staff(Role.LAB_TECH, LABORATORY).username());
        radiographer = login(testUsers.staff(Role.RADIOGRAPHER, RADIOLOGY).username());
        nurse = login(testUsers.staff(Role.NURSE, PULMONOLOGY).username());
        patient = testUsers.patient("처방테스트");
    }

    /** A test taken out of the catalogue after an order was placed still takes that order's result (was a 500). */
    @Test
    void a_test_deactivated_after_ordering_still_takes_the_result() {
        String id = ok(doctor.post("/api/ocs/orders", labOrder("TSH", "ROUTINE")), 201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()), 200);
        ok(labTech.post("/api/ocs/orders/" + id + "/start", Map.of()), 200);
        jdbc.sql("UPDATE lab_test SET active = :no WHERE code = 'TSH'")
                .param("no", false)
                .update();
        try {
            JsonNode done = ok(
                    labTech.post(
                            "/api/ocs/orders/" + id + "/complete",
                            Map.of("results", List.of(Map.of("testCode", "TSH", "value", 2.1)))),
                    200);
            assertThat(done.at("/results/0/flag").asString()).isEqualTo("NORMAL");
        } finally {
            jdbc.sql("UPDATE lab_test SET active = :yes WHERE code = 'TSH'")
                    .param("yes", true)
                    .update();
        }
    }

    /**
     * Haemoglobin 12.5 g/dL is anaemia in a man and normal in a woman (WHO 2011): the result is flagged against the
     * range for the patient's sex and stored with it, and the order shows the technician that range before entry.
     */
    @Test
    void a_lab_value_is_flagged_against_the_range_for_the_patients_sex() {
        for (org.cdss.patients.Sex sex : List.of(org.cdss.patients.Sex.M, org.cdss.patients.Sex.F)) {
            PatientSummaryView who = testUsers.patient("혈색소성별" + sex, sex);
            Map<String, Object> order = new HashMap<>(labOrder("HGB", "ROUTINE"));
            order.put("patientId", who.id());
            String id = ok(doctor.post("/api/ocs/orders", order), 201)
                    .at("/order/id")
                    .asString();
            ok(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()), 200);
            JsonNode started = ok(labTech.post("/api/ocs/orders/" + id + "/start", Map.of()), 200);
            double low = sex == org.cdss.patients.Sex.M ? 13.0 : 12.0;
            assertThat(started.at("/resultTests/0/code").asString()).isEqualTo("HGB");
            assertThat(started.at("/resultTests/0/refLow").asDouble()).isEqualTo(low);
            JsonNode done = ok(
                    labTech.post(
                            "/api/ocs/orders/" + id + "/complete",
                            Map.of("results", List.of(Map.of("testCode", "HGB", "value", 12.5)))),
                    200);
            assertThat(done.at("/results/0/flag").asString())
                    .as(sex.name())
                    .isEqualTo(sex == org.cdss.patients.Sex.M ? "LOW" : "NORMAL");
            assertThat(done.at("/results/0/refLow").asDouble()).isEqualTo(low);
            assertThat(done.get("resultTests")).isEmpty();
        }
    }

    /**
     * An analyser reports potassium beyond its range as ">10.0": flagged by its bound (critical high), the doctor told
     * urgently; free text for a test measured in a unit is refused (it would be stored unflagged).
     */
    @Test
    void a_value_beyond_the_analysers_range_is_flagged_by_its_bound_and_free_text_is_refused() {
        JsonNode created = ok(doctor.post("/api/ocs/orders", labOrder("BMP", "STAT")), 201);
        String id = created.at("/order/id").asString();
        ok(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()), 200);
        ok(labTech.post("/api/ocs/orders/" + id + "/start", Map.of()), 200);

        var freeText = labTech.post(
                "/api/ocs/orders/" + id + "/complete",
                Map.of(
                        "results",
                        List.of(Map.of("testCode", "NA", "value", 140), Map.of("testCode", "K", "text", "high"))));
        assertThat(freeText.status()).as(freeText.body()).isEqualTo(422);
        assertThat(freeText.json().at("/errors/0/pointer").asString()).isEqualTo("/results/1/text");
        assertThat(freeText.json().at("/errors/0/message").asString()).contains(">10.0");

        JsonNode done = ok(
                labTech.post(
                        "/api/ocs/orders/" + id + "/complete",
                        Map.of(
                                "results",
                                List.of(
                                        Map.of("testCode", "NA", "value", 140),
                                        Map.of("testCode", "K", "text", ">10.0")))),
                200);
        Map<String, String> flags = new HashMap<>();
        done.get("results")
                .forEach(r ->
                        flags.put(r.get("testCode").asString(), r.get("flag").asString()));
        assertThat(flags).containsEntry("NA", "NORMAL").containsEntry("K", "CRITICAL_HIGH");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    List<Boolean> urgentCritical = new ArrayList<>();
                    ok(doctor.get("/api/notifications"), 200).get("content").forEach(n -> {
                        if (n.get("subjectId").asString().equals(id)
                                && n.get("kind").asString().equals("CRITICAL_RESULT")) {
                            urgentCritical.add(n.get("urgent").asBoolean());
                        }
                    });
                    assertThat(urgentCritical).containsExactly(true);
                });

        // a bound values beyond which may be normal (K ">2.0") is not flagged, and the chart does not call it normal
        String unsure = ok(doctor.post("/api/ocs/orders", labOrder("K", "ROUTINE")), 201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + unsure + "/send", Map.of()), 200);
        ok(labTech.post("/api/ocs/orders/" + unsure + "/start", Map.of()), 200);
        JsonNode bounded = ok(
                labTech.post(
                        "/api/ocs/orders/" + unsure + "/complete",
                        Map.of("results", List.of(Map.of("testCode", "K", "text", ">2.0")))),
                200);
        assertThat(bounded.at("/results/0/flag").asString()).isEqualTo("NOT_NUMERIC");
        Map<String, String> chart = new HashMap<>();
        ok(doctor.get("/api/patients/" + patient.id() + "/timeline?types=RESULT&size=100"), 200)
                .get("content")
                .forEach(e -> chart.put(e.get("id").asString(), e.get("code").asString()));
        assertThat(chart).containsEntry(id, "CRITICAL").containsEntry(unsure, "RESULT");
    }

    @Test
    void a_lab_order_goes_through_its_life_cycle_and_a_critical_value_is_flagged() {
        JsonNode created = ok(doctor.post("/api/ocs/orders", labOrder("CBC", "STAT")), 201);
        String id = created.at("/order/id").asString();
        assertThat(created.at("/order/status").asString()).isEqualTo("PENDING");
        assertThat(created.at("/order/targetDepartmentId").asString()).isEqualTo(LABORATORY.toString());
        assertThat(created.at("/order/summary").asString()).contains("CBC");

        ok(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()), 200);
        JsonNode worklist = ok(labTech.get("/api/ocs/orders/worklist?department=" + LABORATORY), 200);
        assertThat(worklist.at("/content").findValuesAsString("id")).contains(id);
        // the pharmacy does not see lab orders
        assertThat(pharmacist.get("/api/ocs/orders/" + id).status()).isEqualTo(404);
        assertThat(pharmacist
                        .get("/api/ocs/orders/worklist?department=" + LABORATORY)
                        .status())
                .isEqualTo(403);

        ok(labTech.post("/api/ocs/orders/" + id + "/start", Map.of()), 200);
        JsonNode done = ok(
                labTech.post(
                        "/api/ocs/orders/" + id + "/complete",
                        Map.of(
                                "results",
                                List.of(
                                        Map.of("testCode", "WBC", "value", 7.2),
                                        Map.of("testCode", "HGB", "value", 6.1),
                                        Map.of("testCode", "PLT", "value", 420)))),
                200);

        assertThat(done.at("/order/status").asString()).isEqualTo("COMPLETED");
        Map<String, String> flags = new HashMap<>();
        done.get("results")
                .forEach(r ->
                        flags.put(r.get("testCode").asString(), r.get("flag").asString()));
        assertThat(flags)
                .containsEntry("WBC", "NORMAL")
                .containsEntry("HGB", "CRITICAL_LOW")
                .containsEntry("PLT", "HIGH");
        assertThat(done.get("timeline").findValuesAsString("to"))
                .containsExactly("PENDING", "SENT", "IN_PROGRESS", "COMPLETED");
        assertThat(done.at("/results/0/loinc").asString()).isEqualTo("6690-2");

        // the outbox delivers after commit: the lab was told when it was sent, the doctor of the critical result
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    JsonNode mine = ok(doctor.get("/api/notifications"), 200);
                    List<String> kinds = new ArrayList<>();
                    List<Boolean> urgent = new ArrayList<>();
                    mine.get("content").forEach(n -> {
                        if (n.get("subjectId").asString().equals(id)) {
                            kinds.add(n.get("kind").asString());
                            urgent.add(n.get("urgent").asBoolean());
                        }
                    });
                    assertThat(kinds).contains("CRITICAL_RESULT", "ORDER_COMPLETED");
                    assertThat(urgent).contains(true);
                    assertThat(ok(labTech.get("/api/notifications"), 200)
                                    .get("content")
                                    .findValuesAsString("subjectId"))
                            .contains(id);
                });

        // delivered publications are deleted from the outbox (completion-mode: delete), so it does not grow
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isZero();

        JsonNode timeline = ok(doctor.get("/api/patients/" + patient.id() + "/timeline?types=ORDER,RESULT"), 200);
        Map<String, String> codes = new HashMap<>();
        timeline.get("content")
                .forEach(e -> codes.put(e.get("type").asString(), e.get("code").asString()));
        assertThat(codes).containsEntry("ORDER", "COMPLETED").containsEntry("RESULT", "CRITICAL");
    }

    /** Oral methotrexate once a week (QW) is an ordinary order; the same dose once a day is a major dose alert. */
    @Test
    void methotrexate_is_ordered_once_a_week_and_a_daily_order_is_stopped() {
        Map<String, Object> weekly = new HashMap<>(OrderBodies.medication(patient.id(), "DB00563", 7.5));
        Map<String, Object> medication = new HashMap<>(castMap(weekly.get("medication")));
        medication.put("frequency", "QW");
        medication.put("durationDays", 28);
        medication.put("quantity", 12);
        weekly.put("medication", medication);
        JsonNode created = ok(doctor.post("/api/ocs/orders", weekly), 201);
        assertThat(created.at("/medication/frequency").asString()).isEqualTo("QW");
        assertThat(created.at("/safety/alerts").findValuesAsString("ruleId"))
                .noneMatch(r -> r.startsWith("DOSE-WEEKLY-AS-DAILY"));

        JsonNode daily = ok(
                doctor.post(
                        "/api/ocs/orders",
                        OrderBodies.intendedDuplicate(OrderBodies.medication(patient.id(), "DB00563", 7.5))),
                201);
        assertThat(daily.at("/safety/alerts").findValuesAsString("ruleId")).contains("DOSE-WEEKLY-AS-DAILY:DB00563");
        var refused = doctor.post("/api/ocs/orders/" + daily.at("/order/id").asString() + "/send", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("order.safety-blocked");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void sending_a_drug_that_interacts_is_refused_with_findings_until_overridden_with_a_reason() {
        recordActiveMedication("Clarithromycin 500 mg");
        JsonNode created =
                ok(doctor.post("/api/ocs/orders", OrderBodies.medication(patient.id(), SIMVASTATIN, 20)), 201);
        String id = created.at("/order/id").asString();
        assertThat(created.at("/safety/alerts").findValuesAsString("tier")).contains("HARD_STOP");
        // the product name as ordered: what an edit form shows for the chosen drug
        assertThat(created.get("drugName").asString()).containsIgnoringCase("simvastatin");

        var refused = doctor.post("/api/ocs/orders/" + id + "/send", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        JsonNode problem = refused.json();
        assertThat(problem.get("code").asString()).isEqualTo("order.safety-blocked");
        assertThat(problem.get("type").asString()).isEqualTo("urn:cdss:problem:order.safety-blocked");
        List<String> drugs = new ArrayList<>();
        problem.get("findings")
                .forEach(f -> f.get("drugs").forEach(d -> drugs.add(d.asString().toLowerCase())));
        assertThat(drugs).anyMatch(d -> d.contains("simvastatin")).anyMatch(d -> d.contains("clarithromycin"));
        assertThat(ok(doctor.get("/api/ocs/orders/" + id), 200)
                        .at("/order/status")
                        .asString())
                .isEqualTo("PENDING");

        var noComment = doctor.post(
                "/api/ocs/orders/" + id + "/send", Map.of("override", Map.of("reasonCode", "BENEFIT_OUTWEIGHS_RISK")));
        assertThat(noComment.status()).isEqualTo(422);
        assertThat(noComment.json().path("code").asString()).isEqualTo("medsafety.override-comment-required");
        assertThat(noComment.json().at("/errors/0/pointer").asString()).isEqualTo("/override/comment");

        JsonNode sent = ok(
                doctor.post(
                        "/api/ocs/orders/" + id + "/send",
                        Map.of(
                                "override",
                                Map.of(
                                        "reasonCode",
                                        "BENEFIT_OUTWEIGHS_RISK",
                                        "comment",
                                        "Short course, CK monitored"))),
                200);
        assertThat(sent.at("/order/status").asString()).isEqualTo("SENT");
        assertThat(sent.get("overrides").findValuesAsString("reasonCode")).contains("BENEFIT_OUTWEIGHS_RISK");
        long logged = jdbc.sql("SELECT COUNT(*) FROM medsafety_alert_decision WHERE patient_id = :p "
                        + "AND action = 'OVERRIDDEN'")
                .param("p", patient.id().toString())
                .query(Long.class)
                .single();
        assertThat(logged).isPositive();

        ok(pharmacist.post("/api/ocs/orders/" + id + "/start", Map.of("note", "verified")), 200);
        var noDispense = pharmacist.post("/api/ocs/orders/" + id + "/complete", Map.of());
        assertThat(noDispense.status()).isEqualTo(422);
        assertThat(noDispense.json().get("code").asString()).isEqualTo("order.result-invalid");
        // seven ordered: seventy is another order (the prescriber revises it), nothing is dispensed
        var tooMuch = pharmacist.post(
                "/api/ocs/orders/" + id + "/complete", Map.of("dispense", Map.of("quantity", 70, "note", "x")));
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(422);
        assertThat(tooMuch.json().get("code").asString()).isEqualTo("order.dispense-exceeds-ordered");
        assertThat(tooMuch.json().at("/errors/0/pointer").asString()).isEqualTo("/dispense/quantity");
        assertThat(tooMuch.json().get("detail").asString()).contains("7");
        assertThat(ok(doctor.get("/api/ocs/orders/" + id), 200)
                        .at("/order/status")
                        .asString())
                .isEqualTo("IN_PROGRESS");
        // a partial dispense (five of seven) completes it
        JsonNode dispensed = ok(
                pharmacist.post(
                        "/api/ocs/orders/" + id + "/complete",
                        Map.of("dispense", Map.of("quantity", 5, "note", "blister"))),
                200);
        assertThat(dispensed.at("/order/status").asString()).isEqualTo("COMPLETED");
        assertThat(dispensed.at("/dispenses/0/quantity").asInt()).isEqualTo(5);
    }

    /** With today's completed orders shown, every open order still comes first: a completed STAT follows an open ROUTINE. */
    @Test
    void the_worklist_lists_open_orders_before_todays_completed_ones() {
        String stat = ok(doctor.post("/api/ocs/orders", labOrder("K", "STAT")), 201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + stat + "/send", Map.of()), 200);
        ok(labTech.post("/api/ocs/orders/" + stat + "/start", Map.of()), 200);
        ok(
                labTech.post(
                        "/api/ocs/orders/" + stat + "/complete",
                        Map.of("results", List.of(Map.of("testCode", "K", "value", 4.2)))),
                200);
        String routine = ok(doctor.post("/api/ocs/orders", labOrder("K", "ROUTINE")), 201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + routine + "/send", Map.of()), 200);

        List<String> ids = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode worklist = ok(
                    labTech.get("/api/ocs/orders/worklist?department=" + LABORATORY
                            + "&includeCompleted=true&size=100&page=" + page),
                    200);
            worklist.get("content").forEach(o -> {
                ids.add(o.get("id").asString());
                statuses.add(o.get("status").asString());
            });
            if (page + 1 >= worklist.at("/page/totalPages").asInt()) {
                break;
            }
        }
        assertThat(ids).contains(stat, routine);
        assertThat(ids.indexOf(routine)).isLessThan(ids.indexOf(stat));
        int firstCompleted = statuses.indexOf("COMPLETED");
        assertThat(statuses.subList(firstCompleted, statuses.size())).containsOnly("COMPLETED");
    }

    /**
     * An allergy recorded after the order was sent: the pharmacist's verification checks the order again, is refused
     * with the new finding (the prescriber decides, the pharmacist returns the order), and the check is kept.
     */
    @Test
    void verification_checks_again_and_an_allergy_recorded_since_sending_blocks_it() {
        PatientSummaryView own = testUsers.patient("검수재확인");
        String id = ok(doctor.post("/api/ocs/orders", OrderBodies.medication(own.id(), "DB01060", 500)), 201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()), 200);
        assertThat(doctor.post(
                                "/api/patients/" + own.id() + "/allergies",
                                Map.of("substance", "Penicillin", "reaction", "아나필락시스", "severity", "SEVERE"))
                        .status())
                .isEqualTo(201);

        var refused = pharmacist.post("/api/ocs/orders/" + id + "/start", Map.of("note", "verified"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("order.safety-blocked");
        assertThat(refused.json().get("findings").findValuesAsString("type")).contains("ALLERGY");
        assertThat(refused.json().get("detail").asString()).containsAnyOf("prescriber", "의사");
        JsonNode still = ok(doctor.get("/api/ocs/orders/" + id), 200);
        assertThat(still.at("/order/status").asString()).isEqualTo("SENT");

        ok(pharmacist.post("/api/ocs/orders/" + id + "/return", Map.of("reason", "New penicillin allergy")), 200);
        assertThat(ok(doctor.get("/api/ocs/orders/" + id), 200)
                        .at("/order/status")
                        .asString())
                .isEqualTo("CANCELLED");
    }

    /**
     * A dose change of a dispensed, still-running prescription: the revision is what the patient takes now, so its
     * check does not find its own predecessor as a second order of the ingredient (a blocking duplicate before).
     */
    @Test
    void revising_a_dispensed_prescription_is_not_a_duplicate_of_itself() {
        PatientSummaryView own = testUsers.patient("용량변경");
        String id = ok(doctor.post("/api/ocs/orders", OrderBodies.medication(own.id(), CLARITHROMYCIN, 500)), 201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()), 200);
        ok(pharmacist.post("/api/ocs/orders/" + id + "/start", Map.of()), 200);
        ok(pharmacist.post("/api/ocs/orders/" + id + "/complete", Map.of("dispense", Map.of("quantity", 7))), 200);

        // a second, separate order of the ingredient while the first runs is still a duplicate
        JsonNode second =
                ok(doctor.post("/api/ocs/orders", OrderBodies.medication(own.id(), CLARITHROMYCIN, 250)), 201);
        assertThat(second.at("/safety/alerts").findValuesAsString("type")).contains("DUPLICATE");
        ok(doctor.delete("/api/ocs/orders/" + second.at("/order/id").asString()), 200);

        JsonNode revised = ok(
                doctor.post("/api/ocs/orders/" + id + "/revise", OrderBodies.medication(own.id(), CLARITHROMYCIN, 250)),
                201);
        assertThat(revised.at("/safety/alerts").findValuesAsString("type"))
                .as(revised.at("/safety/alerts").toString())
                .doesNotContain("DUPLICATE");
        JsonNode sent =
                ok(doctor.post("/api/ocs/orders/" + revised.at("/order/id").asString() + "/send", Map.of()), 200);
        assertThat(sent.at("/order/status").asString()).isEqualTo("SENT");
    }

    @Test
    void bad_orders_get_clear_problems_and_nothing_is_stored() {
        long before = countOrders();
        Map<String, Object> wrongPayload = new HashMap<>(labOrder("CBC", "ROUTINE"));
        wrongPayload.put(
                "imaging",
                Map.of("modality", "CT", "bodyPart", "Chest", "laterality", "NOT_APPLICABLE", "contrast", false));
        var mismatch = doctor.post("/api/ocs/orders", wrongPayload);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().at("/errors/0/pointer").asString()).isEqualTo("/imaging");

        Map<String, Object> unknownPatient = new HashMap<>(labOrder("CBC", "ROUTINE"));
        unknownPatient.put("patientId", UUID.randomUUID());
        assertThat(code(doctor.post("/api/ocs/orders", unknownPatient), 422)).isEqualTo("order.unknown-reference");
        var unknownDrug = doctor.post("/api/ocs/orders", OrderBodies.medication(patient.id(), "DB99999", 20));
        assertThat(code(unknownDrug, 422)).isEqualTo("order.unknown-reference");
        assertThat(unknownDrug.json().at("/errors/0/pointer").asString()).isEqualTo("/medication/drugId");
        var negative = doctor.post("/api/ocs/orders", OrderBodies.medication(patient.id(), SIMVASTATIN, -5));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().at("/errors/0/pointer").asString()).isEqualTo("/medication/dose");
        assertThat(doctor.post("/api/ocs/orders", OrderBodies.medication(patient.id(), SIMVASTATIN, 5_000_000))
                        .status())
                .isEqualTo(400);
        assertThat(code(doctor.post("/api/ocs/orders", labOrder("NOPE", "ROUTINE")), 422))
                .isEqualTo("order.unknown-reference");
        assertThat(doctor.post(
                                "/api/ocs/orders",
                                Map.of(
                                        "patientId",
                                        patient.id(),
                                        "type",
                                        "LAB_TEST",
                                        "priority",
                                        "SOMEDAY",
                                        "labTest",
                                        Map.of("testCode", "CBC")))
                        .status())
                .isEqualTo(400);
        // only doctors order
        assertThat(nurse.post("/api/ocs/orders", labOrder("CBC", "ROUTINE")).status())
                .isEqualTo(403);
        assertThat(countOrders()).isEqualTo(before);
    }

    @Test
    void the_life_cycle_is_enforced_on_the_server() {
        String id = ok(doctor.post("/api/ocs/orders", imagingOrder()), 201)
                .at("/order/id")
                .asString();
        assertThat(ok(doctor.get("/api/ocs/orders/" + id), 200)
                        .at("/order/targetDepartmentId")
                        .asString())
                .isEqualTo(RADIOLOGY.toString());
        // not sent yet: the department cannot start it
        assertThat(radiographer
                        .post("/api/ocs/orders/" + id + "/start", Map.of())
                        .status())
                .isEqualTo(404);
        ok(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()), 200);
        var skip = radiographer.post("/api/ocs/orders/" + id + "/complete", Map.of("resultText", "No nodule"));
        assertThat(code(skip, 409)).isEqualTo("order.invalid-transition");
        assertThat(skip.isProblem()).isTrue();
        // someone else's order cannot be cancelled; the department cannot cancel either
        assertThat(otherDoctor
                        .post("/api/ocs/orders/" + id + "/cancel", Map.of("reason", "mine now"))
                        .status())
                .isEqualTo(403);
        assertThat(labTech.post("/api/ocs/orders/" + id + "/start", Map.of()).status())
                .isEqualTo(404);
        ok(radiographer.post("/api/ocs/orders/" + id + "/start", Map.of()), 200);
        // an imaging order is completed by its radiologist's signed report (the reading worklist), never by a free
        // text: closed that way it left the reading worklist unread, with no report to sign (RisIntegrationTests)
        for (ApiClient imagingStaff : List.of(
                radiographer, login(testUsers.staff(Role.RADIOLOGIST, RADIOLOGY).username()))) {
            assertThat(code(
                            imagingStaff.post("/api/ocs/orders/" + id + "/complete", Map.of("resultText", "No nodule")),
                            409))
                    .isEqualTo("order.imaging-needs-report");
        }
        assertThat(ok(doctor.get("/api/ocs/orders/" + id), 200)
                        .at("/order/status")
                        .asString())
                .isEqualTo("IN_PROGRESS");
        // a tissue exam is completed with its result text; final state: nothing moves any more
        String tissue = ok(doctor.post("/api/ocs/orders", tissueExamOrder()), 201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + tissue + "/send", Map.of()), 200);
        ok(labTech.post("/api/ocs/orders/" + tissue + "/start", Map.of()), 200);
        ok(labTech.post("/api/ocs/orders/" + tissue + "/complete", Map.of("resultText", "Adenocarcinoma")), 200);
        assertThat(code(doctor.post("/api/ocs/orders/" + tissue + "/cancel", Map.of("reason", "late")), 409))
                .isEqualTo("order.invalid-transition");
        assertThat(code(labTech.post("/api/ocs/orders/" + tissue + "/start", Map.of()), 409))
                .isEqualTo("order.invalid-transition");
        assertThat(ok(doctor.get("/api/ocs/orders/" + tissue), 200)
                        .get("resultText")
                        .asString())
                .isEqualTo("Adenocarcinoma");

        String pending = ok(doctor.post("/api/ocs/orders", imagingOrder()), 201)
                .at("/order/id")
                .asString();
        JsonNode withdrawn = ok(doctor.delete("/api/ocs/orders/" + pending), 200);
        assertThat(withdrawn.at("/order/status").asString()).isEqualTo("CANCELLED");
        assertThat(withdrawn.at("/order/cancelCause").asString()).isEqualTo("WITHDRAWN");
        // a sent order cancelled by its orderer keeps the reason as written
        String sent = ok(doctor.post("/api/ocs/orders", imagingOrder()), 201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + sent + "/send", Map.of()), 200);
        JsonNode cancelled = ok(
                doctor.post("/api/ocs/orders/" + sent + "/cancel", Map.of("reason", " Patient declined the scan ")),
                200);
        assertThat(cancelled.at("/order/cancelCause").asString()).isEqualTo("REQUESTED");
        assertThat(cancelled.at("/order/cancelReason").asString()).isEqualTo("Patient declined the scan");
        // only a pending order is edited or withdrawn
        assertThat(code(doctor.delete("/api/ocs/orders/" + sent), 409)).isEqualTo("order.not-editable");
        assertThat(code(
                        doctor.put(
                                "/api/ocs/orders/" + sent,
                                Map.of("version", cancelled.at("/order/version").asLong(), "order", imagingOrder())),
                        409))
                .isEqualTo("order.not-editable");
        assertThat(code(doctor.post("/api/ocs/orders/" + id + "/revalidate", null), 422))
                .isEqualTo("order.not-medication");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clinical_order WHERE id = :id")
                        .param("id", pending)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void an_acquired_imaging_order_is_not_cancelled_by_its_prescriber_but_discontinued_by_radiology() {
        String id = ok(doctor.post("/api/ocs/orders", imagingOrder()), 201)
                .at("/order/id")
                .asString();
        JsonNode sent = ok(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()), 200);
        assertThat(sent.at("/order/prescriberMayCancel").asBoolean()).isTrue();
        ok(radiographer.post("/api/ocs/orders/" + id + "/start", Map.of()), 200);

        // acquired: the images await their report; the prescriber can neither cancel nor revise (which cancels)
        JsonNode acquired = ok(doctor.get("/api/ocs/orders/" + id), 200);
        assertThat(acquired.at("/order/status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(acquired.at("/order/prescriberMayCancel").asBoolean()).isFalse();
        var cancel = doctor.post("/api/ocs/orders/" + id + "/cancel", Map.of("reason", "not needed"));
        assertThat(code(cancel, 409)).isEqualTo("order.imaging-acquired");
        assertThat(cancel.isProblem()).isTrue();
        assertThat(code(doctor.post("/api/ocs/orders/" + id + "/revise", imagingOrder()), 409))
                .isEqualTo("order.imaging-acquired");
        assertThat(ok(doctor.get("/api/ocs/orders/" + id), 200)
                        .at("/order/status")
                        .asString())
                .isEqualTo("IN_PROGRESS");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clinical_order WHERE replaces_order_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();

        // radiology discontinues it with its reason; the prescriber sees why
        JsonNode returned = ok(
                radiographer.post("/api/ocs/orders/" + id + "/return", Map.of("reason", "Patient left before reading")),
                200);
        assertThat(returned.at("/order/status").asString()).isEqualTo("CANCELLED");
        assertThat(returned.at("/order/cancelCause").asString()).isEqualTo("RETURNED");
        assertThat(returned.at("/order/prescriberMayCancel").asBoolean()).isFalse();
    }

    @Test
    void revising_an_order_links_the_new_one_and_cancels_the_old_one() {
        String old = ok(doctor.post("/api/ocs/orders", labOrder("CBC", "ROUTINE")), 201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + old + "/send", Map.of()), 200);
        JsonNode revised = ok(doctor.post("/api/ocs/orders/" + old + "/revise", labOrder("BMP", "URGENT")), 201);
        assertThat(revised.at("/order/replacesOrderId").asString()).isEqualTo(old);
        assertThat(revised.at("/order/status").asString()).isEqualTo("PENDING");
        JsonNode previous = ok(doctor.get("/api/ocs/orders/" + old), 200);
        assertThat(previous.at("/order/status").asString()).isEqualTo("CANCELLED");
        assertThat(previous.at("/order/cancelReason").asString())
                .contains(revised.at("/order/orderNumber").asString());
        assertThat(previous.at("/order/cancelCause").asString()).isEqualTo("REPLACED");
        // both sides show the link, by number and status
        String revisedId = revised.at("/order/id").asString();
        assertThat(revised.at("/replaces/id").asString()).isEqualTo(old);
        assertThat(revised.at("/replaces/orderNumber").asString())
                .isEqualTo(previous.at("/order/orderNumber").asString());
        assertThat(revised.at("/replaces/status").asString()).isEqualTo("CANCELLED");
        assertThat(revised.get("replacedBy").size()).isZero();
        assertThat(previous.at("/replacedBy/0/id").asString()).isEqualTo(revisedId);
        assertThat(previous.at("/replacedBy/0/orderNumber").asString())
                .isEqualTo(revised.at("/order/orderNumber").asString());
        // the laboratory sees the cancelled order, but not its replacement while that is still the doctor's draft
        assertThat(ok(labTech.get("/api/ocs/orders/" + old), 200)
                        .get("replacedBy")
                        .size())
                .isZero();
        ok(doctor.post("/api/ocs/orders/" + revisedId + "/send", Map.of()), 200);
        assertThat(ok(labTech.get("/api/ocs/orders/" + old), 200)
                        .at("/replacedBy/0/id")
                        .asString())
                .isEqualTo(revisedId);
        // another type is a new order, not a revision
        assertThat(code(
                        doctor.post(
                                "/api/ocs/orders/" + revised.at("/order/id").asString() + "/revise", imagingOrder()),
                        422))
                .isEqualTo("order.patient-or-type-changed");
        assertThat(otherDoctor
                        .post(
                                "/api/ocs/orders/" + revised.at("/order/id").asString() + "/revise",
                                labOrder("CBC", "ROUTINE"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void a_stale_edit_is_refused_and_nothing_is_lost() {
        JsonNode created = ok(doctor.post("/api/ocs/orders", labOrder("BMP", "ROUTINE")), 201);
        String id = created.at("/order/id").asString();
        long version = created.at("/order/version").asLong();
        ok(doctor.put("/api/ocs/orders/" + id, Map.of("version", version, "order", labOrder("BMP", "URGENT"))), 200);
        var stale = doctor.put("/api/ocs/orders/" + id, Map.of("version", version, "order", labOrder("BMP", "STAT")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("stale-version");
        assertThat(ok(doctor.get("/api/ocs/orders/" + id), 200)
                        .at("/order/priority")
                        .asString())
                .isEqualTo("URGENT");
    }

    @Test
    void two_staff_starting_one_order_at_once_exactly_one_succeeds() throws Exception {
        String id = ok(doctor.post("/api/ocs/orders", labOrder("CBC", "ROUTINE")), 201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()), 200);
        List<ApiClient> techs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            techs.add(login(testUsers.staff(Role.LAB_TECH, LABORATORY).username()));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(techs.size());
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (ApiClient tech : techs) {
                results.add(pool.submit(() -> {
                    go.await();
                    return tech.post("/api/ocs/orders/" + id + "/start", Map.of())
                            .status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM order_transition WHERE order_id = :id AND to_status = 'IN_PROGRESS'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void a_retried_request_with_the_same_idempotency_key_acts_once() throws Exception {
        long before = countOrders();
        String key = "create-" + UUID.randomUUID();
        JsonNode first =
                ok(doctor.post("/api/ocs/orders", labOrder("LIPID", "ROUTINE"), Map.of("Idempotency-Key", key)), 201);
        JsonNode retry =
                ok(doctor.post("/api/ocs/orders", labOrder("LIPID", "ROUTINE"), Map.of("Idempotency-Key", key)), 201);
        assertThat(retry.at("/order/id").asString())
                .isEqualTo(first.at("/order/id").asString());
        assertThat(countOrders()).isEqualTo(before + 1);
        // the replay answers the order as it is now (with the patient's header): a read of patient data, audited
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ORDER_READ' AND resource_id = :id"
                                + " AND patient_id = :p AND detail = 'idempotent replay of CREATE'")
                        .param("id", first.at("/order/id").asString())
                        .param("p", patient.id().toString())
                        .query(Long.class)
                        .single())
                .isOne();

        String id = first.at("/order/id").asString();
        String sendKey = "send-" + UUID.randomUUID();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sends.add(pool.submit(() -> {
                    go.await();
                    return doctor.post("/api/ocs/orders/" + id + "/send", Map.of(), Map.of("Idempotency-Key", sendKey))
                            .status();
                }));
            }
            go.countDown();
            for (Future<Integer> f : sends) {
                assertThat(f.get()).isIn(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(doctor.post("/api/ocs/orders/" + id + "/send", Map.of(), Map.of("Idempotency-Key", sendKey))
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM order_transition WHERE order_id = :id AND to_status = 'SENT'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isOne();
        // the same key for another operation is refused
        assertThat(code(
                        doctor.post(
                                "/api/ocs/orders/" + id + "/cancel",
                                Map.of("reason", "x"),
                                Map.of("Idempotency-Key", sendKey)),
                        422))
                .isEqualTo("order.idempotency-key-reused");
        // and for the same operation on another order
        String other = ok(doctor.post("/api/ocs/orders", labOrder("LIPID", "ROUTINE")), 201)
                .at("/order/id")
                .asString();
        assertThat(code(
                        doctor.post("/api/ocs/orders/" + other + "/send", Map.of(), Map.of("Idempotency-Key", sendKey)),
                        422))
                .isEqualTo("order.idempotency-key-reused");
        assertThat(ok(doctor.get("/api/ocs/orders/" + other), 200)
                        .at("/order/status")
                        .asString())
                .isEqualTo("PENDING");
    }

    @Test
    void a_second_open_order_of_the_same_drug_needs_confirmation() {
        ok(doctor.post("/api/ocs/orders", OrderBodies.medication(patient.id(), CLARITHROMYCIN, 500)), 201);
        var duplicate = doctor.post("/api/ocs/orders", OrderBodies.medication(patient.id(), CLARITHROMYCIN, 500));
        assertThat(code(duplicate, 422)).isEqualTo("order.duplicate-ingredient");
        assertThat(duplicate.json().get("type").asString()).isEqualTo("urn:cdss:problem:order.duplicate-ingredient");
        assertThat(duplicate.json().get("duplicates")).hasSize(1);
        Map<String, Object> intended = new HashMap<>(OrderBodies.medication(patient.id(), CLARITHROMYCIN, 500));
        intended.put("intendedDuplicate", true);
        ok(doctor.post("/api/ocs/orders", intended), 201);
    }

    @Test
    void revalidation_sees_an_allergy_recorded_after_the_order() {
        String id = ok(doctor.post("/api/ocs/orders", OrderBodies.medication(patient.id(), "DB01060", 500)), 201)
                .at("/order/id")
                .asString();
        JsonNode clean = ok(doctor.post("/api/ocs/orders/" + id + "/revalidate", null), 200);
        assertThat(clean.at("/safety/alerts").findValuesAsString("type")).doesNotContain("ALLERGY");
        ok(
                doctor.post(
                        "/api/patients/" + patient.id() + "/allergies",
                        Map.of("substance", "Penicillin", "reaction", "urticaria", "severity", "SEVERE")),
                201);
        JsonNode again = ok(doctor.post("/api/ocs/orders/" + id + "/revalidate", null), 200);
        // a pending order is still the prescriber's draft: the pharmacy does not see it yet
        assertThat(pharmacist
                        .post("/api/ocs/orders/" + id + "/revalidate", null)
                        .status())
                .isEqualTo(404);
        assertThat(again.at("/safety/alerts").findValuesAsString("type")).contains("ALLERGY");
        assertThat(again.at("/order/lastCheckBlocking").asInt()).isPositive();
    }

    @Test
    void lists_worklists_mine_and_statistics_respect_roles_and_sort_by_priority() {
        String routine = ok(doctor.post("/api/ocs/orders", labOrder("CBC", "ROUTINE")), 201)
                .at("/order/id")
                .asString();
        String stat = ok(doctor.post("/api/ocs/orders", labOrder("BMP", "STAT")), 201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + routine + "/send", Map.of()), 200);
        ok(doctor.post("/api/ocs/orders/" + stat + "/send", Map.of()), 200);
        List<String> ids = ok(labTech.get("/api/ocs/orders/worklist?department=" + LABORATORY + "&size=200"), 200)
                .at("/content")
                .findValuesAsString("id");
        assertThat(ids.indexOf(stat)).isNotNegative().isLessThan(ids.indexOf(routine));

        JsonNode mine = ok(doctor.get("/api/ocs/orders/mine"), 200);
        assertThat(mine.at("/page/totalElements").asLong()).isEqualTo(2);
        assertThat(ok(otherDoctor.get("/api/ocs/orders/mine"), 200)
                        .at("/page/totalElements")
                        .asLong())
                .isZero();
        JsonNode byPatient = ok(nurse.get("/api/ocs/orders?patientId=" + patient.id() + "&priority=STAT"), 200);
        assertThat(byPatient.at("/content").findValuesAsString("id")).containsExactly(stat);
        assertThat(ok(pharmacist.get("/api/ocs/orders?patientId=" + patient.id()), 200)
                        .at("/page/totalElements")
                        .asLong())
                .isZero();

        JsonNode stats = ok(doctor.get("/api/ocs/orders/statistics"), 200);
        assertThat(stats.at("/byType/LAB_TEST").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.at("/byStatus/SENT").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(ok(doctor.get("/api/ocs/lab-tests?q=hemo"), 200).findValuesAsString("loinc"))
                .contains("718-7");
    }

    // --- helpers ---

    private Map<String, Object> labOrder(String code, String priority) {
        return Map.of(
                "patientId",
                patient.id(),
                "type",
                "LAB_TEST",
                "priority",
                priority,
                "labTest",
                Map.of("testCode", code));
    }

    private Map<String, Object> tissueExamOrder() {
        return Map.of(
                "patientId",
                patient.id(),
                "type",
                "TISSUE_EXAM",
                "priority",
                "ROUTINE",
                "tissueExam",
                Map.of("specimen", "Biopsy", "site", "Lung", "clinicalQuestion", "Malignancy?"));
    }

    private Map<String, Object> imagingOrder() {
        return Map.of(
                "patientId",
                patient.id(),
                "type",
                "IMAGING",
                "priority",
                "URGENT",
                "indication",
                "Persistent cough",
                "imaging",
                Map.of("modality", "CT", "bodyPart", "Chest", "laterality", "NOT_APPLICABLE", "contrast", true));
    }

    private void recordActiveMedication(String name) {
        ok(doctor.post("/api/patients/" + patient.id() + "/medications", Map.of("name", name)), 201);
    }

    private long countOrders() {
        return jdbc.sql("SELECT COUNT(*) FROM clinical_order WHERE patient_id = :p")
                .param("p", patient.id().toString())
                .query(Long.class)
                .single();
    }

    private ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    private static String code(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json().get("code").asString();
    }

    private static JsonNode ok(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }
}
