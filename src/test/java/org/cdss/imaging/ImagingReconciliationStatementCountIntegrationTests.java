package org.cdss.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.cdss.patients.PatientSummaryView;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.StatementCounter;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The reconciliation view reads the scheduled imaging orders' facts in one query: the statements of
 * {@code GET /api/imaging/reconciliation} do not grow with the number of overdue orders (before: one
 * {@code SELECT} of the order per scheduled accession).
 */
@IntegrationTest
@Import(StatementCounter.class)
class ImagingReconciliationStatementCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void the_reconciliation_view_runs_the_same_statements_for_one_or_four_overdue_orders() {
        PatientSummaryView patient = users.patient("대사 문장수");
        ApiClient doctor = as("DOCTOR");
        // of radiology, where imaging orders are routed: imaging staff see their departments' orders (ADR 0016)
        ApiClient radiographer = as("RADIOGRAPHER", ImagingReconciliationIntegrationTests.RADIOLOGY);
        List<String> overdue = new ArrayList<>();
        overdue.add(overdueOrder(doctor, patient));
        StatementCounter.Counts one = countedView(radiographer, overdue);
        for (int i = 0; i < 3; i++) {
            overdue.add(overdueOrder(doctor, patient));
        }
        StatementCounter.Counts four = countedView(radiographer, overdue);

        assertThat(four.application())
                .as("one overdue: %s%nfour overdue: %s", one.statements(), four.statements())
                .isEqualTo(one.application());
        // the studies without an order, the scheduled accessions, their patients, their orders: one statement each
        // (before: 4 with one overdue order, 7 with four, measured with this test on H2)
        assertThat(four.application()).as("four overdue: %s", four.statements()).isEqualTo(4);
        assertThat(four.audits()).isEqualTo(1);
    }

    private StatementCounter.Counts countedView(ApiClient radiographer, List<String> overdue) {
        JsonNode view = radiographer.get("/api/imaging/reconciliation").json();
        assertThat(view.get("overdueOrders").findValuesAsString("orderId"))
                .as(view.toString())
                .containsAll(overdue);
        return StatementCounter.last("GET", "/api/imaging/reconciliation");
    }

    /** A sent imaging order due two minutes ago, once its accession is scheduled. */
    private String overdueOrder(ApiClient doctor, PatientSummaryView patient) {
        Map<String, Object> form = new HashMap<>(Map.of(
                "patientId",
                patient.id(),
                "type",
                "IMAGING",
                "priority",
                "ROUTINE",
                "indication",
                "Follow-up",
                "dueAt",
                Instant.now().minusSeconds(120).toString(),
                "imaging",
                Map.of("modality", "MR", "bodyPart", "Breast", "laterality", "LEFT", "contrast", false)));
        ApiClient.Response created = doctor.post("/api/ocs/orders", form);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().at("/order/id").asString();
        assertThat(doctor.post("/api/ocs/orders/" + orderId + "/send", Map.of()).status())
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> doctor.get("/api/imaging/orders/" + orderId + "/accession"), r -> r.status() == 200);
        return orderId;
    }

    private ApiClient as(String role, java.util.UUID... departments) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(users.staff(role, departments).username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
        return api;
    }
}
