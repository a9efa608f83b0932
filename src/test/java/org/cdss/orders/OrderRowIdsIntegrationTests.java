package org.cdss.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.OrderBodies;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * ADR 0057: the rows an order create adds to the tables that grow with every order — the order, its transition, its
 * audit rows, the check's alert rows and the check's id — carry time-ordered (version 7) ids, so that they land at
 * the end of their indexes; a random id anywhere among them puts a page of its own into every commit again.
 */
@IntegrationTest
class OrderRowIdsIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_created_order_and_the_rows_it_brings_have_time_ordered_ids() {
        ApiClient doctor = new ApiClient(port);
        assertThat(doctor.login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
        PatientSummaryView patient = testUsers.patient("시간순");
        assertThat(doctor.post(
                                "/api/patients/" + patient.id() + "/medications",
                                Map.of("name", "Clarithromycin 500 mg"))
                        .status())
                .isEqualTo(201); // simvastatin with clarithromycin: the check finds an interaction
        ApiClient.Response answer = doctor.post("/api/ocs/orders", OrderBodies.medication(patient.id(), "DB00641", 20));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode created = answer.json();
        String order = created.at("/order/id").asString();
        String check = created.at("/safety/checkId").asString();

        List<String> transitions = ids("SELECT id FROM order_transition WHERE order_id = ?", order);
        List<String> audits = ids(
                "SELECT id FROM audit_event WHERE patient_id = ? AND action IN ('ORDER_CREATE', 'MEDSAFETY_CHECK')",
                patient.id().toString());
        List<String> alerts = ids("SELECT id FROM medsafety_alert_event WHERE check_id = ?", check);

        assertThat(transitions).hasSize(1);
        assertThat(audits).hasSize(2);
        assertThat(alerts).isNotEmpty();
        for (String id : concat(List.of(order, check), transitions, audits, alerts)) {
            assertThat(UUID.fromString(id).version()).as(id).isEqualTo(7);
        }
    }

    private List<String> ids(String sql, String value) {
        return jdbc.sql(sql).param(value).query(String.class).list();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
