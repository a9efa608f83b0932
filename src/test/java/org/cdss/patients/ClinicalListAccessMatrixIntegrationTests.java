package org.cdss.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Who reads which clinical list of a patient: role × list × whose patient → the answer, written out below. Allergies
 * are read by every clinical role; medications and problems are chart content (doctors, nurses, pharmacists,
 * radiologists), as the notes and the timeline; a patient reads only their own; the front office none.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicalListAccessMatrixIntegrationTests {

    static final List<String> LISTS = List.of("allergies", "medications", "problems");

    /** The status for each list (allergies, medications, problems) of the patient the principal asks for. */
    static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        //                                   allergies  medications  problems
        EXPECTED.put("DOCTOR", new int[] {200, 200, 200});
        EXPECTED.put("NURSE", new int[] {200, 200, 200});
        EXPECTED.put("PHARMACIST", new int[] {200, 200, 200});
        EXPECTED.put("RADIOLOGIST", new int[] {200, 200, 200});
        EXPECTED.put("LAB_TECH", new int[] {200, 403, 403});
        EXPECTED.put("RADIOGRAPHER", new int[] {200, 403, 403});
        EXPECTED.put("ADMIN_STAFF", new int[] {403, 403, 403});
        EXPECTED.put("ADMIN", new int[] {403, 403, 403});
        EXPECTED.put("PATIENT (own)", new int[] {200, 200, 200});
        EXPECTED.put("PATIENT (another)", new int[] {404, 404, 404});
    }

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    PatientSummaryView patient;
    final Map<String, ApiClient> principals = new LinkedHashMap<>();

    @BeforeAll
    void aPatientWithAnEntryInEveryList() {
        patient = testUsers.patient("목록행렬");
        ApiClient doctor = login(testUsers.staff(Role.DOCTOR).username());
        String base = "/api/patients/" + patient.id();
        assertThat(doctor.post(base + "/allergies", Map.of("substance", "Penicillin", "severity", "SEVERE"))
                        .status())
                .isEqualTo(201);
        assertThat(doctor.post(base + "/medications", Map.of("name", "amlodipine"))
                        .status())
                .isEqualTo(201);
        assertThat(doctor.post(base + "/problems", Map.of("code", "I10", "description", "Hypertension"))
                        .status())
                .isEqualTo(201);
        for (String role : List.of(
                "DOCTOR", "NURSE", "PHARMACIST", "RADIOLOGIST", "LAB_TECH", "RADIOGRAPHER", "ADMIN_STAFF", "ADMIN")) {
            principals.put(role, login(testUsers.staff(Role.valueOf(role)).username()));
        }
        principals.put("PATIENT (own)", login(testUsers.patientAccount(patient).username()));
        principals.put(
                "PATIENT (another)",
                login(testUsers.patientAccount(testUsers.patient("남의목록")).username()));
        assertThat(principals.keySet()).containsExactlyElementsOf(EXPECTED.keySet());
    }

    @Test
    void every_principal_reads_exactly_the_lists_the_matrix_says() {
        List<String> wrong = new ArrayList<>();
        principals.forEach((who, api) -> {
            for (int i = 0; i < LISTS.size(); i++) {
                var response = api.get("/api/patients/" + patient.id() + "/" + LISTS.get(i));
                int expected = EXPECTED.get(who)[i];
                if (response.status() != expected) {
                    wrong.add(who + " GET " + LISTS.get(i) + ": expected " + expected + ", got " + response.status());
                } else if (expected == 200 && response.json().size() != 1) {
                    wrong.add(who + " GET " + LISTS.get(i) + ": expected the one entry, got " + response.body());
                } else if (expected != 200 && response.body().contains("Penicillin")) {
                    wrong.add(who + " GET " + LISTS.get(i) + ": a refusal that shows the entry");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_refused_read_is_audited_as_denied() {
        principals.get("LAB_TECH").get("/api/patients/" + patient.id() + "/problems");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_PROBLEM_READ' "
                                                + "AND outcome = 'DENIED' AND resource_id = :p")
                                        .param("p", patient.id().toString())
                                        .query(Integer.class)
                                        .single())
                        .isPositive());
    }

    private ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }
}
