package org.cdss.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.db.UtcTimestamps;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The order statistics the database computes (grouped counts, days in the hospital's zone, nearest-rank turnaround
 * percentiles), on H2, PostgreSQL and MariaDB: orders are placed in a period of their own in the past, with known
 * times, and every figure is checked.
 */
@IntegrationTest
class OrderStatisticsIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID LABORATORY = UUID.fromString("0d1f0000-0000-4000-8000-000000000007");
    static final UUID RADIOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000004");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void counts_days_and_turnaround_are_computed_by_the_database() {
        ApiClient doctor = login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username());
        ApiClient labTech = login(testUsers.staff(Role.LAB_TECH, LABORATORY).username());
        PatientSummaryView patient = testUsers.patient("통계");
        // 2001-03-04 15:30 UTC is 2001-03-05 00:30 in Seoul: a day of its own in the hospital's zone
        Instant day2 = Instant.parse("2001-03-04T15:30:00Z");
        Instant day1 = Instant.parse("2001-03-04T14:30:00Z");
        // lab orders completed after 10, 20, 30 and 40 minutes and 30 s; one sent and open (overdue); one draft
        int[] seconds = {600, 1200, 1800, 2430};
        for (int s : seconds) {
            String id = place(doctor, patient, lab("STAT"));
            times(id, "COMPLETED", day2, day2.plusSeconds(s));
        }
        String open = place(doctor, patient, lab("ROUTINE"));
        times(open, "SENT", day1, null);
        String draft = place(doctor, patient, lab("ROUTINE"));
        times(draft, "PENDING", day1, null);
        String imaging = place(
                doctor,
                patient,
                Map.of(
                        "patientId",
                        patient.id(),
                        "type",
                        "IMAGING",
                        "priority",
                        "URGENT",
                        "indication",
                        "Cough",
                        "imaging",
                        Map.of(
                                "modality",
                                "CR",
                                "bodyPart",
                                "Chest",
                                "laterality",
                                "NOT_APPLICABLE",
                                "contrast",
                                false)));
        times(imaging, "COMPLETED", day1, day1.plusSeconds(90));

        String period = "?from=2001-03-04T00:00:00Z&to=2001-03-06T00:00:00Z";
        JsonNode all = ok(doctor.get("/api/ocs/orders/statistics" + period));
        assertThat(all.get("total").asLong()).isEqualTo(7);
        assertThat(all.at("/byType/LAB_TEST").asLong()).isEqualTo(6);
        assertThat(all.at("/byType/IMAGING").asLong()).isEqualTo(1);
        assertThat(all.at("/byStatus/COMPLETED").asLong()).isEqualTo(5);
        assertThat(all.at("/byStatus/SENT").asLong()).isEqualTo(1);
        assertThat(all.at("/byStatus/PENDING").asLong()).isEqualTo(1);
        assertThat(all.at("/byPriority/STAT").asLong()).isEqualTo(4);
        assertThat(all.at("/byPriority/ROUTINE").asLong()).isEqualTo(2);
        assertThat(all.at("/byPriority/URGENT").asLong()).isEqualTo(1);
        assertThat(all.at("/byDepartment/" + LABORATORY).asLong()).isEqualTo(6);
        assertThat(all.at("/byDepartment/" + RADIOLOGY).asLong()).isEqualTo(1);
        assertThat(all.get("overdue").asLong()).isEqualTo(2); // the sent one and the draft, both due in 2001
        assertThat(all.get("perDay").toString())
                .isEqualTo("[{\"day\":\"2001-03-04\",\"count\":3},{\"day\":\"2001-03-05\",\"count\":4}]");
        JsonNode lab = turnaround(all, "LAB_TEST");
        assertThat(lab.get("completed").asLong()).isEqualTo(4);
        assertThat(lab.get("medianMinutes").asDouble()).isEqualTo(20.0);
        assertThat(lab.get("p90Minutes").asDouble()).isEqualTo(40.5);
        assertThat(lab.get("meanMinutes").asDouble())
                .isCloseTo((600 + 1200 + 1800 + 2430) / 4.0 / 60.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(turnaround(all, "IMAGING").get("medianMinutes").asDouble()).isEqualTo(1.5);
        assertThat(turnaround(all, "MEDICATION").get("completed").asLong()).isZero();
        assertThat(turnaround(all, "MEDICATION").get("medianMinutes").isNull()).isTrue();

        // the lab technician's statistics: sent lab orders of the laboratory only (no draft, no imaging)
        JsonNode lab2 = ok(labTech.get("/api/ocs/orders/statistics" + period));
        assertThat(lab2.get("total").asLong()).isEqualTo(5);
        assertThat(lab2.at("/byType").toString()).isEqualTo("{\"LAB_TEST\":5}");
        assertThat(lab2.get("overdue").asLong()).isEqualTo(1);
        assertThat(turnaround(lab2, "IMAGING").get("completed").asLong()).isZero();
    }

    private static JsonNode turnaround(JsonNode stats, String type) {
        for (JsonNode t : stats.get("turnaround")) {
            if (t.get("type").asString().equals(type)) {
                return t;
            }
        }
        throw new AssertionError(type);
    }

    private Map<String, Object> lab(String priority) {
        return Map.of("type", "LAB_TEST", "priority", priority, "labTest", Map.of("testCode", "CBC"));
    }

    private String place(ApiClient doctor, PatientSummaryView patient, Map<String, Object> order) {
        Map<String, Object> body = new java.util.HashMap<>(order);
        body.put("patientId", patient.id());
        var created = doctor.post("/api/ocs/orders", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/order/id").asString();
    }

    /** Moves an order into the past: created and sent at {@code at} (unless a draft), due then, completed as given. */
    private void times(String id, String status, Instant at, Instant completed) {
        jdbc.sql("UPDATE clinical_order SET status = :status, created_at = :at, due_at = :at, sent_at = :sent, "
                        + "completed_at = :done WHERE id = :id")
                .param("status", status)
                .param("at", UtcTimestamps.toColumn(at))
                .param("sent", status.equals("PENDING") ? null : UtcTimestamps.toColumn(at))
                .param("done", completed == null ? null : UtcTimestamps.toColumn(completed))
                .param("id", id)
                .update();
    }

    private ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
