package org.cdss.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * "No known allergies — confirmed by whom, when" (issue 15 item 1), distinct from never recorded: unconfirmed at
 * first, confirmed with the clinician's name and time, refused while an allergy is active, cleared by a new allergy.
 * And the banner's weight: the latest recorded, nothing when none was recorded.
 */
@IntegrationTest
class AllergyReviewIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Test
    void no_known_allergies_is_confirmed_by_a_named_clinician_and_cleared_by_a_recorded_allergy() {
        ApiClient nurse = new ApiClient(port);
        var staff = testUsers.staff(Role.NURSE);
        assertThat(nurse.login(staff.username(), TestUsers.PASSWORD).status()).isEqualTo(200);
        String id = testUsers.patient("알레르기확인").id().toString();
        String base = "/api/patients/" + id;

        JsonNode before = nurse.get(base).json();
        assertThat(before.path("noKnownAllergiesConfirmedAt").isNull()
                        || before.path("noKnownAllergiesConfirmedAt").isMissingNode())
                .isTrue();

        assertThat(nurse.post(base + "/allergies/none-confirmed", null).status())
                .isEqualTo(204);
        JsonNode confirmed = nurse.get(base).json();
        assertThat(confirmed.path("noKnownAllergiesConfirmedAt").asString()).isNotBlank();
        assertThat(confirmed.path("noKnownAllergiesConfirmedBy").asString()).isEqualTo(staff.displayName());

        assertThat(nurse.post(base + "/allergies", Map.of("substance", "Penicillin", "severity", "SEVERE"))
                        .status())
                .isEqualTo(201);
        JsonNode cleared = nurse.get(base).json();
        assertThat(cleared.path("noKnownAllergiesConfirmedAt").isNull()
                        || cleared.path("noKnownAllergiesConfirmedAt").isMissingNode())
                .isTrue();
        var refused = nurse.post(base + "/allergies/none-confirmed", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asString()).endsWith("patient.allergies-recorded");
    }

    @Test
    void the_banner_weight_is_the_latest_recorded_and_absent_when_none_was() {
        ApiClient doctor = new ApiClient(port);
        var staff = testUsers.staff(Role.DOCTOR, PULMONOLOGY);
        assertThat(doctor.login(staff.username(), TestUsers.PASSWORD).status()).isEqualTo(200);
        String id = testUsers.patient("체중배너").id().toString();

        var none = doctor.get("/api/patients/" + id + "/weight");
        assertThat(none.status()).as(none.body()).isEqualTo(200);
        assertThat(none.json().path("weightKg").isNull()).isTrue();

        var opened = doctor.post("/api/patients/" + id + "/encounters", Map.of("departmentId", PULMONOLOGY));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String encounter = opened.json().get("encounter").get("id").asString();
        assertThat(doctor.post("/api/encounters/" + encounter + "/vitals", Map.of("weightKg", 61.5))
                        .status())
                .isEqualTo(201);

        JsonNode weight = doctor.get("/api/patients/" + id + "/weight").json();
        assertThat(weight.path("weightKg").asDouble()).isEqualTo(61.5);
        assertThat(weight.path("measuredAt").asString()).isNotBlank();
    }

    static final java.util.UUID PULMONOLOGY = java.util.UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
}
