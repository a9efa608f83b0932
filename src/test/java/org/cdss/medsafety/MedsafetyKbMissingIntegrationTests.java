package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The knowledge base is missing at start-up: CDSS starts, readiness is DOWN, every check is incomplete. */
@IntegrationTest
@TestPropertySource(properties = "cdss.medsafety.kb-location=target/no-such-medsafety-kb")
class MedsafetyKbMissingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Test
    void the_application_starts_with_readiness_down_and_every_check_incomplete() {
        ApiClient anyone = new ApiClient(port);
        assertThat(anyone.get("/actuator/health/liveness").text("status")).isEqualTo("UP");
        assertThat(anyone.get("/actuator/health/readiness").text("status")).isEqualTo("DOWN");

        ApiClient pharmacist = new ApiClient(port);
        pharmacist.login(testUsers.staff(Role.PHARMACIST).username(), TestUsers.PASSWORD);
        var response =
                pharmacist.post("/api/medsafety/check", Map.of("proposed", List.of(Map.of("name", "acetaminophen"))));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("complete").asBoolean()).isFalse();
        assertThat(response.json().path("alerts").get(0).path("ruleId").asString())
                .isEqualTo("INCOMPLETE-KB-UNAVAILABLE");
        assertThat(pharmacist.get("/api/medsafety/kb").json().path("available").asBoolean())
                .isFalse();

        // what cannot be answered without the knowledge base says so, instead of "no drug found" or "unknown drug"
        for (var refused : List.of(
                pharmacist.get("/api/medsafety/drugs?q=aceta"),
                pharmacist.get("/api/medsafety/ingredients?q=aceta"),
                pharmacist.get("/api/medsafety/ingredients/DB00316"))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("code").asString()).isEqualTo("medsafety.kb-unavailable");
        }
        ApiClient doctor = new ApiClient(port);
        doctor.login(testUsers.staff(Role.DOCTOR).username(), TestUsers.PASSWORD);
        var order = doctor.post(
                "/api/ocs/orders",
                Map.of(
                        "patientId",
                        testUsers.patient("지식베이스없음").id(),
                        "type",
                        "MEDICATION",
                        "priority",
                        "ROUTINE",
                        "medication",
                        Map.of(
                                "drugId",
                                "DB00316",
                                "dose",
                                500,
                                "doseUnit",
                                "mg",
                                "route",
                                "PO",
                                "frequency",
                                "QD",
                                "durationDays",
                                7,
                                "quantity",
                                7)));
        assertThat(order.status()).as(order.body()).isEqualTo(503);
        assertThat(order.json().path("code").asString()).isEqualTo("medsafety.kb-unavailable");
    }
}
