package org.cdss.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.OrderBodies;
import org.cdss.support.StatementCounter;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Statements per request on the OCS hot paths, counted by {@link StatementCounter} (application pool: JPA,
 * {@code JdbcClient} and the event publication registry; audit appends apart; the session store not counted). A
 * change that adds a statement to one of these requests fails here: lower the number when a change removes one.
 *
 * <p>Before the split of {@code OrderManagement} (issue 10, item 11), measured on H2 with this test: create of a
 * medication order with the full safety check 17 statements + 2 audit appends; send with an override of its hard
 * stop 20 + 3; the pharmacy's worklist 4 + 1 with one order on it, 5 + 1 with six orders of two patients by two
 * prescribers: the count, the page and the patients are one statement each, but the prescribers' display names are
 * read one statement per distinct prescriber ({@code OrderQueries.Names}). After the split: the same numbers, on H2,
 * PostgreSQL and MariaDB alike (ADR 0017). Issue 16 (ADR 0043): the audit appends of a write moved into its
 * transaction and the outbox rows of listeners with nothing to do went — create 18 (2 of them outbox rows) + 2
 * appends on the audit pool, each its own commit → 18 (2 of them the audit rows, no outbox row) in one commit, then
 * 19 with the look-up of a new order number (a random number already taken is drawn again); send
 * 21 (2 outbox rows) + 3 → 23 (3 audit rows, 1 outbox row). Then create 21 and send 24: the patient's header is read by
 * a plain statement where it is needed (the form's check, the safety check's age, the answer) instead of one entity
 * load and look-ups in the persistence context, which cost more CPU than the statements (the profile in
 * bench/README.md).
 */
@IntegrationTest
@Import(StatementCounter.class)
class OrderStatementCountIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID PHARMACY = UUID.fromString("0d1f0000-0000-4000-8000-000000000006");
    static final UUID LABORATORY = UUID.fromString("0d1f0000-0000-4000-8000-000000000007");

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
        patient = testUsers.patient("문장수");
        ok(doctor.post("/api/patients/" + patient.id() + "/medications", Map.of("name", "Clarithromycin 500 mg")), 201);
        ok(
                doctor.post(
                        "/api/patients/" + patient.id() + "/allergies",
                        Map.of("substance", "Penicillin", "severity", "MODERATE")),
                201);
    }

    @Test
    void creating_and_sending_a_checked_medication_order_and_reading_the_worklist_run_a_fixed_number_of_statements() {
        JsonNode created = ok(
                doctor.post(
                        "/api/ocs/orders",
                        OrderBodies.medication(patient.id(), "DB00641", 20),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                201);
        assertThat(created.at("/safety/alerts").findValuesAsString("tier")).contains("HARD_STOP");
        String id = created.at("/order/id").asString();
        StatementCounter.Counts create = StatementCounter.last("POST", "/api/ocs/orders");

        ok(
                doctor.post(
                        "/api/ocs/orders/" + id + "/send",
                        Map.of("override", Map.of("reasonCode", "BENEFIT_OUTWEIGHS_RISK", "comment", "CK monitored")),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                200);
        StatementCounter.Counts send = StatementCounter.last("POST", "/api/ocs/orders/" + id + "/send");

        ok(pharmacist.get("/api/ocs/orders/worklist?department=" + PHARMACY), 200);
        StatementCounter.Counts worklist = StatementCounter.last("GET", "/api/ocs/orders/worklist");
        ApiClient otherDoctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        PatientSummaryView first = patient;
        patient = testUsers.patient("문장수둘");
        for (int i = 0; i < 5; i++) {
            ApiClient by = i % 2 == 0 ? otherDoctor : doctor;
            String next = ok(
                            by.post(
                                    "/api/ocs/orders",
                                    OrderBodies.intendedDuplicate(OrderBodies.medication(patient.id(), "DB00641", 20))),
                            201)
                    .at("/order/id")
                    .asString();
            ok(
                    by.post(
                            "/api/ocs/orders/" + next + "/send",
                            Map.of(
                                    "override",
                                    Map.of("reasonCode", "BENEFIT_OUTWEIGHS_RISK", "comment", "CK monitored"))),
                    200);
        }
        patient = first;
        JsonNode longer = ok(pharmacist.get("/api/ocs/orders/worklist?department=" + PHARMACY), 200);
        assertThat(longer.get("content").size()).isGreaterThanOrEqualTo(6);
        StatementCounter.Counts longerWorklist = StatementCounter.last("GET", "/api/ocs/orders/worklist");

        // Issue 16: the audit rows of a write are INSERTs in its own transaction (one commit, ADR 0043), so they are
        // among the application statements; a created order publishes nothing to the outbox (no listener is
        // concerned: notifications tell no one of a PENDING order, imaging only cares about imaging orders), a sent
        // medication order one row (notifications).
        assertThat(create.application()).as("create: %s", create.statements()).isEqualTo(21);
        // the random order number is drawn again when taken (two orders of a day shared one in bench/order-create.sh)
        assertThat(create.statements())
                .anyMatch(sql -> sql.startsWith("SELECT COUNT(*) FROM clinical_order WHERE order_number"));
        assertThat(create.audits()).isEqualTo(2);
        assertThat(inserts(create, "audit_event")).isEqualTo(2);
        assertThat(inserts(create, "EVENT_PUBLICATION")).isZero();
        assertThat(send.application()).as("send: %s", send.statements()).isEqualTo(24);
        assertThat(send.audits()).isEqualTo(3);
        assertThat(inserts(send, "audit_event")).isEqualTo(3);
        assertThat(inserts(send, "EVENT_PUBLICATION")).isEqualTo(1);
        assertThat(worklist.application())
                .as("worklist: %s", worklist.statements())
                .isEqualTo(4);
        assertThat(worklist.audits()).isEqualTo(1);
        // no statement per row or per patient; one per distinct prescriber (two here) for their names
        assertThat(longerWorklist.application())
                .as("worklist: %s", longerWorklist.statements())
                .isEqualTo(5);
    }

    private static long inserts(StatementCounter.Counts counts, String table) {
        return counts.statements().stream()
                .filter(sql -> sql.startsWith("INSERT INTO " + table + " "))
                .count();
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

    /** A page of a chart's results reads the flags of its lab orders at once, however many there are. */
    @Test
    void a_timeline_page_of_results_runs_as_many_statements_for_six_lab_orders_as_for_two() {
        ApiClient labTech = login(testUsers.staff(Role.LAB_TECH, LABORATORY).username());
        PatientSummaryView charted = testUsers.patient("결과타임라인");
        String timeline = "/api/patients/" + charted.id() + "/timeline";
        completedLabOrders(labTech, charted, 2);
        assertThat(ok(doctor.get(timeline + "?types=RESULT&size=50"), 200)
                        .get("content")
                        .size())
                .isEqualTo(2);
        StatementCounter.Counts two = StatementCounter.last("GET", timeline);
        completedLabOrders(labTech, charted, 4);
        JsonNode six = ok(doctor.get(timeline + "?types=RESULT&size=50"), 200);
        assertThat(six.get("content").size()).isEqualTo(6);
        assertThat(six.get("content").findValuesAsString("code")).containsOnly("ABNORMAL");
        assertThat(StatementCounter.last("GET", timeline).application())
                .as("%s", StatementCounter.last("GET", timeline).statements())
                .isEqualTo(two.application());
    }

    private void completedLabOrders(ApiClient labTech, PatientSummaryView of, int count) {
        for (int i = 0; i < count; i++) {
            String id = ok(
                            doctor.post(
                                    "/api/ocs/orders",
                                    Map.of(
                                            "patientId",
                                            of.id(),
                                            "type",
                                            "LAB_TEST",
                                            "priority",
                                            "ROUTINE",
                                            "labTest",
                                            Map.of("testCode", "K"))),
                            201)
                    .at("/order/id")
                    .asString();
            ok(doctor.post("/api/ocs/orders/" + id + "/send", Map.of()), 200);
            ok(labTech.post("/api/ocs/orders/" + id + "/start", Map.of()), 200);
            ok(
                    labTech.post(
                            "/api/ocs/orders/" + id + "/complete",
                            Map.of("results", java.util.List.of(Map.of("testCode", "K", "value", 5.6)))),
                    200);
        }
    }
}
