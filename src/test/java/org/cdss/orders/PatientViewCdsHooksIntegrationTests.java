package org.cdss.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The patient-view CDS Hooks service (issue 17 item 5): the specification's patient-view example request
 * ({@code hooks/patient-view.md}: {@code userId} PractitionerRole/123, {@code encounterId} 456, with the prefetched
 * Patient) for a patient of ours whose orders are placed through the API and moved in time, gives one info card that
 * counts the overdue orders, the pending results and the safety overrides on open orders, in the reader's language;
 * the read is audited; only prescribers (or a CDS Hooks client) may call it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientViewCdsHooksIntegrationTests {

    static final String PATIENT_VIEW = "/cds-services/cdss-patient-view";
    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    ApiClient doctor;
    PatientSummaryView patient;

    @BeforeAll
    void seed() {
        doctor = login(Role.DOCTOR, "en");
        patient = testUsers.patient("요약환자");
        Instant now = Instant.now();
        Instant past = now.minus(2, ChronoUnit.DAYS);
        Instant future = now.plus(2, ChronoUnit.DAYS);
        String overdue = place();
        move(overdue, "SENT", past); // overdue and pending
        move(place(), "SENT", future); // pending, not yet due
        move(place(), "IN_PROGRESS", past); // pending; being worked on, so not "sent and past due"
        String completed = place();
        move(completed, "COMPLETED", past); // neither
        move(place(), "PENDING", past); // a draft: neither
        override(overdue); // counts: the order is open
        override(completed); // does not count: the order is done
    }

    @Test
    void discovery_lists_the_patient_view_service_with_the_patient_prefetch() {
        JsonNode services = new ApiClient(port).get("/cds-services").json().path("services");
        JsonNode service = null;
        for (JsonNode s : services) {
            if (s.path("hook").asString().equals("patient-view")) {
                service = s;
            }
        }
        assertThat(service).as(services.toString()).isNotNull();
        assertThat(service.path("id").asString()).isEqualTo("cdss-patient-view");
        assertThat(service.path("prefetch").path("patient").asString()).isEqualTo("Patient/{{context.patientId}}");
    }

    @Test
    void the_specifications_example_request_gives_one_info_card_with_the_patients_figures_in_the_readers_language() {
        var english = doctor.post(PATIENT_VIEW, example(patient.id().toString()));
        assertThat(english.status()).as(english.body()).isEqualTo(200);
        JsonNode cards = english.json().path("cards");
        assertThat(cards).hasSize(1);
        JsonNode card = cards.get(0);
        assertThat(card.path("indicator").asString()).isEqualTo("info");
        assertThat(card.path("summary").asString())
                .isEqualTo("Open orders: 1 overdue, 3 results pending; 1 medication safety overrides.")
                .hasSizeLessThanOrEqualTo(140);
        assertThat(card.path("detail").asString())
                .contains("**Overdue orders:** 1")
                .contains("**Results pending:** 3");
        assertThat(card.path("source").path("label").asString()).isNotBlank();
        assertThat(card.path("uuid").asString()).hasSize(36);

        var korean =
                login(Role.DOCTOR, "ko").post(PATIENT_VIEW, example(patient.id().toString()));
        assertThat(korean.status()).as(korean.body()).isEqualTo(200);
        assertThat(korean.json().path("cards").get(0).path("summary").asString())
                .isEqualTo("진행 중인 오더: 지연 1건, 결과 대기 3건; 의약품 안전 경고 무시 1건.");

        var none =
                login(Role.DOCTOR, null).post(PATIENT_VIEW, example(patient.id().toString()));
        assertThat(none.json().path("cards").get(0).path("summary").asString()).startsWith("Open orders:");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'CDS_PATIENT_VIEW' AND patient_id = ?")
                        .param(patient.id().toString())
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void a_patient_without_orders_gets_zeros_and_bad_requests_are_problems() {
        PatientSummaryView quiet = testUsers.patient("조용한환자");
        var response = doctor.post(PATIENT_VIEW, example(quiet.id().toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("cards").get(0).path("summary").asString())
                .isEqualTo("Open orders: 0 overdue, 0 results pending; 0 medication safety overrides.");

        // the example's own patient id is not a patient of ours
        var unknown = doctor.post(PATIENT_VIEW, example("1288992"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();

        Map<String, Object> mismatch = example(patient.id().toString());
        mismatch.put(
                "prefetch",
                Map.of(
                        "patient",
                        Map.of("resourceType", "Patient", "id", quiet.id().toString())));
        var refused = doctor.post(PATIENT_VIEW, mismatch);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();

        Map<String, Object> noPrefetch = example(patient.id().toString());
        noPrefetch.remove("prefetch");
        assertThat(doctor.post(PATIENT_VIEW, noPrefetch).status()).isEqualTo(412);

        Map<String, Object> wrongHook = example(patient.id().toString());
        wrongHook.put("hook", "order-select");
        assertThat(doctor.post(PATIENT_VIEW, wrongHook).status()).isEqualTo(400);
    }

    @Test
    void only_prescribers_may_call_it() {
        assertThat(login(Role.NURSE, "en")
                        .post(PATIENT_VIEW, example(patient.id().toString()))
                        .status())
                .isEqualTo(200);
        for (Role role : List.of(Role.LAB_TECH, Role.ADMIN_STAFF, Role.ADMIN)) {
            var response =
                    login(role, "en").post(PATIENT_VIEW, example(patient.id().toString()));
            assertThat(response.status()).as(role + ": " + response.body()).isEqualTo(403);
        }
        ApiClient anonymous = new ApiClient(port);
        anonymous.ensureCsrf();
        assertThat(anonymous
                        .post(PATIENT_VIEW, example(patient.id().toString()))
                        .status())
                .isEqualTo(401);
    }

    /**
     * The card counts only the orders its reader may see (ADR 0016): a pharmacist sees sent medication orders routed
     * to their pharmacy, so this patient's lab orders and the override on one of them count nothing for them.
     */
    @Test
    void a_pharmacist_counts_only_the_orders_a_pharmacist_may_see() {
        var pharmacist = login(Role.PHARMACIST, "en")
                .post(PATIENT_VIEW, example(patient.id().toString()));
        assertThat(pharmacist.status()).as(pharmacist.body()).isEqualTo(200);
        assertThat(pharmacist.json().path("cards").get(0).path("summary").asString())
                .isEqualTo("Open orders: 0 overdue, 0 results pending; 0 medication safety overrides.");
        var nurse =
                login(Role.NURSE, "en").post(PATIENT_VIEW, example(patient.id().toString()));
        assertThat(nurse.json().path("cards").get(0).path("summary").asString())
                .isEqualTo("Open orders: 1 overdue, 3 results pending; 1 medication safety overrides.");
    }

    /** The specification's patient-view example request, with our patient's id and the prefetched Patient. */
    static Map<String, Object> example(String patientId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
        body.put("fhirServer", "http://hooks.smarthealthit.org:9080");
        body.put("hook", "patient-view");
        body.put("context", Map.of("userId", "PractitionerRole/123", "patientId", patientId, "encounterId", "456"));
        body.put(
                "prefetch",
                Map.of(
                        "patient",
                        Map.of(
                                "resourceType",
                                "Patient",
                                "id",
                                patientId,
                                "active",
                                true,
                                "gender",
                                "female",
                                "birthDate",
                                "1970-01-01")));
        return body;
    }

    private ApiClient login(Role role, String language) {
        ApiClient api = new ApiClient(port).language(language);
        assertThat(api.login(testUsers.staff(role, PULMONOLOGY).username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
        return api;
    }

    private String place() {
        Map<String, Object> body =
                new HashMap<>(Map.of("type", "LAB_TEST", "priority", "ROUTINE", "labTest", Map.of("testCode", "CBC")));
        body.put("patientId", patient.id());
        var created = doctor.post("/api/ocs/orders", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/order/id").asString();
    }

    /** Puts an order in a state with a due time (sent then, unless a draft). */
    private void move(String id, String status, Instant due) {
        jdbc.sql("UPDATE clinical_order SET status = :status, due_at = :due, sent_at = :sent WHERE id = :id")
                .param("status", status)
                .param("due", UtcTimestamps.toColumn(due))
                .param("sent", status.equals("PENDING") ? null : UtcTimestamps.toColumn(due.minusSeconds(3600)))
                .param("id", id)
                .update();
    }

    /**
     * A recorded safety override on the order, as the order path writes it when a prescriber overrides an alert
     * (the service counts the rows; how they are made is tested with the order path).
     */
    private void override(String orderId) {
        jdbc.sql("INSERT INTO order_safety_override (id, order_id, check_id, rule_id, tier, reason_code, comment, "
                        + "user_id, occurred_at) VALUES (:id, :order, :check, 'ANSM:test', 'INTERRUPTIVE', "
                        + "'BENEFIT_OUTWEIGHS_RISK', 'test', :user, :at)")
                .param("id", UUID.randomUUID().toString())
                .param("order", orderId)
                .param("check", UUID.randomUUID().toString())
                .param("user", UUID.randomUUID().toString())
                .param("at", UtcTimestamps.toColumn(Instant.now()))
                .update();
    }
}
