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

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

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
