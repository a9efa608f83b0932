package org.cdss.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
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
 * Pharmacist verification (issue 15 item 5), on every database: an order sent over a blocking alert is badged on the
 * pharmacy's worklist; the pharmacist queries the prescriber on the order's thread, the prescriber is notified (urgent)
 * and answers, the pharmacy is notified of the answer; a pharmacist returns an order with a reason (cancelled, cause
 * RETURNED, the prescriber notified); only the two sides write on the thread.
 */
@IntegrationTest
class OrderVerificationIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID PHARMACY = UUID.fromString("0d1f0000-0000-4000-8000-000000000006");
    static final UUID LABORATORY = UUID.fromString("0d1f0000-0000-4000-8000-000000000007");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    ApiClient doctor;
    ApiClient pharmacist;
    PatientSummaryView patient;

    @BeforeEach
    void staffAndPatient() {
        doctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        pharmacist = login(testUsers.staff(Role.PHARMACIST, PHARMACY).username());
        patient = testUsers.patient("검수환자");
        ok(doctor.post("/api/patients/" + patient.id() + "/medications", Map.of("name", "Clarithromycin 500 mg")), 201);
    }

    /** Simvastatin with clarithromycin: a hard stop, sent with an override. */
    String overriddenOrder() {
        String id = ok(doctor.post("/api/ocs/orders", OrderBodies.medication(patient.id(), "DB00641", 20)), 201)
                .at("/order/id")
                .asString();
        ok(
                doctor.post(
                        "/api/ocs/orders/" + id + "/send",
                        Map.of("override", Map.of("reasonCode", "BENEFIT_OUTWEIGHS_RISK", "comment", "CK monitored"))),
                200);
        return id;
    }

    JsonNode onWorklist(String id) {
        JsonNode list = ok(pharmacist.get("/api/ocs/orders/worklist?department=" + PHARMACY + "&size=100"), 200);
        for (JsonNode row : list.get("content")) {
            if (row.path("id").asString().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("not on the worklist: " + id);
    }

    /**
     * ADR 0061: cetirizine is in no interaction source, so with clarithromycin on the list its check is incomplete;
     * the prescriber's acknowledgement at sending holds at the pharmacist's verification (the same check again).
     */
    @Test
    void an_acknowledged_unscreened_drug_is_not_stopped_again_at_verification() {
        JsonNode created = ok(doctor.post("/api/ocs/orders", OrderBodies.medication(patient.id(), "DB00341", 10)), 201);
        assertThat(created.at("/safety/alerts").findValuesAsString("ruleId")).contains("INCOMPLETE-NOT-SCREENED");
        String id = created.at("/order/id").asString();
        assertThat(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()).status())
                .isEqualTo(422);
        ok(
                doctor.post(
                        "/api/ocs/orders/" + id + "/send", Map.of("override", Map.of("incompleteAcknowledged", true))),
                200);
        ok(pharmacist.post("/api/ocs/orders/" + id + "/start", Map.of()), 200);
    }

    @Test
    void the_pharmacist_queries_the_prescriber_who_is_notified_and_answers_and_the_override_is_badged() {
        String id = overriddenOrder();
        assertThat(onWorklist(id).path("overridden").asBoolean()).isTrue();
        JsonNode override = ok(pharmacist.get("/api/ocs/orders/" + id), 200).at("/overrides/0");
        assertThat(override.path("alertType").asString()).isEqualTo("INTERACTION");
        assertThat(override.path("drugs").toString()).contains("Simvastatin", "Clarithromycin");
        assertThat(onWorklist(id).path("messages").asInt()).isZero();

        var query = pharmacist.post("/api/ocs/orders/" + id + "/messages", Map.of("body", "CK 수치 확인하셨나요?"));
        assertThat(query.status()).as(query.body()).isEqualTo(201);
        assertThat(query.json().path("toPrescriber").asBoolean()).isTrue();

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(kinds(doctor, id)).contains("ORDER_QUERY"));

        var answer = doctor.post("/api/ocs/orders/" + id + "/messages", Map.of("body", "네, 정상입니다."));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("toPrescriber").asBoolean()).isFalse();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(kinds(pharmacist, id)).contains("ORDER_QUERY_ANSWERED"));

        JsonNode thread = ok(pharmacist.get("/api/ocs/orders/" + id + "/messages"), 200);
        assertThat(thread).hasSize(2);
        assertThat(thread.get(0).path("body").asString()).isEqualTo("CK 수치 확인하셨나요?");
        assertThat(thread.get(0).path("authorName").asString()).isNotBlank();
        assertThat(thread.get(1).path("body").asString()).isEqualTo("네, 정상입니다.");
        assertThat(onWorklist(id).path("messages").asInt()).isEqualTo(2);

        // another doctor sees the order but is not its prescriber; a nurse reads the thread but does not write
        ApiClient otherDoctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        assertThat(otherDoctor
                        .post("/api/ocs/orders/" + id + "/messages", Map.of("body", "x"))
                        .status())
                .isEqualTo(403);
        ApiClient nurse = login(testUsers.staff(Role.NURSE, PULMONOLOGY).username());
        assertThat(nurse.get("/api/ocs/orders/" + id + "/messages").status()).isEqualTo(200);
        assertThat(nurse.post("/api/ocs/orders/" + id + "/messages", Map.of("body", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(pharmacist
                        .post("/api/ocs/orders/" + id + "/messages", Map.of("body", ""))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void the_pharmacist_returns_an_order_with_a_reason_and_the_prescriber_is_told() {
        String id = overriddenOrder();
        long version = ok(pharmacist.get("/api/ocs/orders/" + id), 200)
                .at("/order/version")
                .asLong();

        assertThat(pharmacist
                        .post("/api/ocs/orders/" + id + "/return", Map.of("version", version))
                        .status())
                .isEqualTo(400); // a reason is required
        var returned = pharmacist.post(
                "/api/ocs/orders/" + id + "/return", Map.of("version", version, "reason", "용량 과다: 10 mg로 재처방 바랍니다"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().at("/order/status").asString()).isEqualTo("CANCELLED");
        assertThat(returned.json().at("/order/cancelCause").asString()).isEqualTo("RETURNED");
        assertThat(returned.json().at("/order/cancelReason").asString()).contains("10 mg");

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(kinds(doctor, id)).contains("ORDER_CANCELLED"));
        // a final order takes no more messages; the prescriber cannot "return" (that is the department's)
        assertThat(pharmacist
                        .post("/api/ocs/orders/" + id + "/messages", Map.of("body", "x"))
                        .status())
                .isEqualTo(409);
        assertThat(doctor.post("/api/ocs/orders/" + id + "/return", Map.of("reason", "x"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void the_pharmacist_reads_the_patients_latest_lab_values_beside_the_order_and_the_read_is_audited() {
        String id = overriddenOrder();
        assertThat(ok(pharmacist.get("/api/ocs/orders/" + id + "/recent-labs"), 200))
                .isEmpty();

        ApiClient labTech = login(testUsers.staff(Role.LAB_TECH, LABORATORY).username());
        String lab = ok(
                        doctor.post(
                                "/api/ocs/orders",
                                Map.of(
                                        "patientId",
                                        patient.id(),
                                        "type",
                                        "LAB_TEST",
                                        "priority",
                                        "ROUTINE",
                                        "labTest",
                                        Map.of("testCode", "K"))),
                        201)
                .at("/order/id")
                .asString();
        ok(doctor.post("/api/ocs/orders/" + lab + "/send", Map.of()), 200);
        ok(labTech.post("/api/ocs/orders/" + lab + "/start", Map.of()), 200);
        ok(
                labTech.post(
                        "/api/ocs/orders/" + lab + "/complete",
                        Map.of("results", List.of(Map.of("testCode", "K", "value", 5.8)))),
                200);
        // the pharmacist may not open the lab order itself, but reads its value beside the medication order
        assertThat(pharmacist.get("/api/ocs/orders/" + lab).status()).isEqualTo(404);
        JsonNode labs = ok(pharmacist.get("/api/ocs/orders/" + id + "/recent-labs"), 200);
        assertThat(labs).hasSize(1);
        JsonNode potassium = labs.get(0);
        assertThat(potassium.path("testCode").asString()).isEqualTo("K");
        assertThat(potassium.path("nameEn").asString()).isEqualTo("Potassium");
        assertThat(potassium.path("nameKo").asString()).isEqualTo("칼륨");
        assertThat(potassium.path("value").decimalValue()).isEqualByComparingTo("5.8");
        assertThat(potassium.path("unit").asString()).isEqualTo("mmol/L");
        assertThat(potassium.path("refLow").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(potassium.path("refHigh").decimalValue()).isEqualByComparingTo("5.1");
        assertThat(potassium.path("flag").asString()).isEqualTo("HIGH");
        assertThat(potassium.path("enteredAt").asString()).isNotBlank();
        assertThat(audited("ORDER_RECENT_LABS_READ", id)).isEqualTo(2);

        // access goes through the order: a pharmacist of another department, the front office, see nothing
        ApiClient otherPharmacist =
                login(testUsers.staff(Role.PHARMACIST, PULMONOLOGY).username());
        assertThat(otherPharmacist.get("/api/ocs/orders/" + id + "/recent-labs").status())
                .isEqualTo(404);
        ApiClient frontOffice =
                login(testUsers.staff(Role.ADMIN_STAFF, PULMONOLOGY).username());
        assertThat(frontOffice.get("/api/ocs/orders/" + id + "/recent-labs").status())
                .isEqualTo(403);
    }

    long audited(String action, String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND resource_id = :r AND patient_id = :p")
                .param("a", action)
                .param("r", orderId)
                .param("p", patient.id().toString())
                .query(Long.class)
                .single();
    }

    List<String> kinds(ApiClient who, String orderId) {
        JsonNode mine = ok(who.get("/api/notifications?size=100"), 200);
        List<String> kinds = new ArrayList<>();
        mine.get("content").forEach(n -> {
            if (n.path("subjectId").asString().equals(orderId)) {
                kinds.add(n.path("kind").asString());
            }
        });
        return kinds;
    }

    private ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    private static JsonNode ok(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }
}
