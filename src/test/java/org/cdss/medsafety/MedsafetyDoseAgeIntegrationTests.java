package org.cdss.medsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.Sex;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A check that names a child patient uses the child's age from the birth date: adult limits are not applied. */
@IntegrationTest
class MedsafetyDoseAgeIntegrationTests {

    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    PatientDirectory patients;

    @Test
    void a_six_year_old_needs_a_weight_and_with_it_gets_the_paediatric_limit() {
        var child = TestUsers.asSystem(() -> patients.register(new PatientDirectory.NewPatient(
                TestUsers.uniqueName("Child"),
                null,
                LocalDate.now().minusYears(6).minusDays(10),
                Sex.M)));
        ApiClient doctor = new ApiClient(port);
        assertThat(doctor.login(testUsers.staff(Role.DOCTOR, PULMONOLOGY).username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
        Map<String, Object> drug = Map.of("name", "acetaminophen", "dose", 500, "unit", "mg", "frequencyPerDay", 4);

        JsonNode noWeight = doctor.post(
                        "/api/medsafety/check", Map.of("patientId", child.id().toString(), "proposed", List.of(drug)))
                .json();
        assertThat(noWeight.path("complete").asBoolean()).isFalse();
        assertThat(noWeight.findValuesAsString("ruleId"))
                .contains("INCOMPLETE-DOSE-WEIGHT:DB00316")
                .noneMatch(r -> r.startsWith("DOSE-MAX-"));

        JsonNode weighed = doctor.post(
                        "/api/medsafety/check",
                        Map.of("patientId", child.id().toString(), "proposed", List.of(drug), "weightKg", 20))
                .json();
        assertThat(weighed.findValuesAsString("ruleId"))
                .contains("DOSE-PAED-MAX-SINGLE:DB00316", "DOSE-PAED-MAX-DAILY:DB00316");

        // medsafety does not read the records module: the caller supplies the weight. An order's check (orders
        // module) passes the weight recorded with today's vital signs.
        var opened = doctor.post("/api/patients/" + child.id() + "/encounters", Map.of("departmentId", PULMONOLOGY));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String encounter = opened.json().get("encounter").get("id").asString();
        var vitals = doctor.post("/api/encounters/" + encounter + "/vitals", Map.of("weightKg", 40));
        assertThat(vitals.status()).as(vitals.body()).isEqualTo(201);
        JsonNode direct = doctor.post(
                        "/api/medsafety/check", Map.of("patientId", child.id().toString(), "proposed", List.of(drug)))
                .json();
        assertThat(direct.findValuesAsString("ruleId")).contains("INCOMPLETE-DOSE-WEIGHT:DB00316");
        var ordered = doctor.post(
                "/api/ocs/orders",
                Map.of(
                        "patientId",
                        child.id(),
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
                                "QID",
                                "durationDays",
                                3,
                                "quantity",
                                12)));
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
        // 40 kg: 600 mg a dose, 3000 mg a day; 500 mg x 4 = 2000 mg is within both
        assertThat(ordered.json().at("/safety/complete").asBoolean()).isTrue();
        assertThat(ordered.json().at("/safety").findValuesAsString("ruleId")).noneMatch(r -> r.contains("DOSE"));
    }
}
