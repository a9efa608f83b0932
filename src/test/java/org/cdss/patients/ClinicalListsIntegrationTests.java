package org.cdss.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Allergies, medications and problems: record, read, inactivate, access rules, and the medication check. */
@IntegrationTest
class ClinicalListsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    ApiClient doctor;
    PatientSummaryView patient;
    String base;

    @BeforeEach
    void doctorAndPatient() {
        doctor = login(testUsers.staff(Role.DOCTOR).username());
        patient = testUsers.patient("목록");
        base = "/api/patients/" + patient.id();
    }

    ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    @Test
    void an_allergy_is_recorded_coded_to_the_knowledge_base_and_inactivated() {
        var created = doctor.post(
                base + "/allergies", Map.of("substance", "Penicillin", "reaction", "두드러기", "severity", "SEVERE"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String itemId = created.text("id");

        JsonNode list = doctor.get(base + "/allergies").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("substanceCode").asString()).isEqualTo("group:PENICILLINS");
        assertThat(list.get(0).path("status").asString()).isEqualTo("ACTIVE");
        assertThat(list.get(0).path("recordedBy").asString()).isNotBlank();

        var inactivated = doctor.post(base + "/allergies/" + itemId + "/inactivate", Map.of("reason", "오류"));
        assertThat(inactivated.status()).as(inactivated.body()).isEqualTo(204);
        assertThat(doctor.get(base + "/allergies").json().get(0).path("status").asString())
                .isEqualTo("INACTIVE");
        assertThat(doctor.post(base + "/allergies/" + itemId + "/inactivate", Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_ALLERGY_READ' AND patient_id = ?")
                        .param(patient.id().toString())
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void free_text_allergies_are_kept_uncoded() {
        var created = doctor.post(base + "/allergies", Map.of("substance", "집먼지 진드기", "severity", "MILD"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(doctor.get(base + "/allergies")
                        .json()
                        .get(0)
                        .path("substanceCode")
                        .isNull())
                .isTrue();
    }

    @Test
    void medications_and_problems_are_recorded_and_inactivated() {
        var med = doctor.post(
                base + "/medications", Map.of("name", "amlodipine", "dose", "5 mg qd", "startedOn", "2024-03-01"));
        assertThat(med.status()).as(med.body()).isEqualTo(201);
        JsonNode meds = doctor.get(base + "/medications").json();
        assertThat(meds.get(0).path("ingredientId").asString()).startsWith("DB");

        var problem =
                doctor.post(base + "/problems", Map.of("code", "J45.9", "description", "천식", "onsetOn", "2020-01-01"));
        assertThat(problem.status()).as(problem.body()).isEqualTo(201);
        assertThat(doctor.get(base + "/problems").json().get(0).path("code").asString())
                .isEqualTo("J45.9");
        assertThat(doctor.post(base + "/problems/" + problem.text("id") + "/inactivate", Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(doctor.post(base + "/medications/" + med.text("id") + "/inactivate", Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(doctor.get(base + "/medications")
                        .json()
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("INACTIVE");
    }

    @Test
    void a_malformed_diagnosis_code_or_severity_is_a_400_with_a_pointer() {
        PatientRegistryIntegrationTests.assertPointer(
                doctor.post(base + "/problems", Map.of("code", "asthma", "description", "천식")), "/code");
        PatientRegistryIntegrationTests.assertPointer(
                doctor.post(base + "/allergies", Map.of("substance", "x", "severity", "DEADLY")), "/severity");
        PatientRegistryIntegrationTests.assertPointer(
                doctor.post(base + "/allergies", Map.of("substance", "x".repeat(10_000), "severity", "MILD")),
                "/substance");
    }

    @Test
    void an_item_of_another_patient_is_not_found() {
        String itemId = doctor.post(base + "/allergies", Map.of("substance", "aspirin", "severity", "MILD"))
                .text("id");
        PatientSummaryView other = testUsers.patient("다른");
        assertThat(doctor.post("/api/patients/" + other.id() + "/allergies/" + itemId + "/inactivate", Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_patient_reads_their_own_lists_but_not_another_patients_and_cannot_write() {
        doctor.post(base + "/allergies", Map.of("substance", "penicillin", "severity", "SEVERE"));
        ApiClient portal = login(testUsers.patientAccount(patient).username());
        PatientSummaryView other = testUsers.patient("남의");

        assertThat(portal.get(base + "/allergies").status()).isEqualTo(200);
        assertThat(portal.get(base + "/medications").status()).isEqualTo(200);
        assertThat(portal.get(base + "/problems").status()).isEqualTo(200);
        for (String list : List.of("allergies", "medications", "problems")) {
            var denied = portal.get("/api/patients/" + other.id() + "/" + list);
            assertThat(denied.status()).as(list).isEqualTo(404);
            assertThat(denied.isProblem()).isTrue();
        }
        assertThat(portal.post(base + "/allergies", Map.of("substance", "x", "severity", "MILD"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void the_medication_check_by_patient_uses_the_recorded_penicillin_allergy() {
        doctor.post(base + "/allergies", Map.of("substance", "penicillin", "severity", "SEVERE"));

        var check = doctor.post(
                "/api/medsafety/check",
                Map.of("patientId", patient.id(), "proposed", List.of(Map.of("name", "amoxicillin"))));

        assertThat(check.status()).as(check.body()).isEqualTo(200);
        JsonNode alerts = check.json().path("alerts");
        assertThat(alerts.size()).isPositive();
        boolean allergyStop = false;
        for (JsonNode a : alerts) {
            if (a.path("type").asString().equals("ALLERGY")) {
                allergyStop = true;
            }
        }
        assertThat(allergyStop).as(check.body()).isTrue();
    }
}
