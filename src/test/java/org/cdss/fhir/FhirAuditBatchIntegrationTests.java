package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cdss.seed.SeedForTests;
import org.cdss.seed.SyntheticData;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A FHIR request's read audit rows are collected and written together, in one transaction, before the answer is sent
 * (ADR 0049): each row exactly once, all of them in the database as soon as the client has the answer, for a failing
 * call too. Each test acts as a fresh account, so its rows are the only ones with that username.
 */
@IntegrationTest
class FhirAuditBatchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SyntheticData seed;

    @Autowired
    TestUsers testUsers;

    String patient;

    @BeforeEach
    void seeded() {
        SeedForTests.ensureSeeded(seed, jdbc, 150, 21, LocalDate.now());
        patient = FhirTokens.seededPatientsWithVitals(jdbc).getFirst().trim();
    }

    @Test
    void an_observation_search_writes_its_three_rows_once_before_the_answer() {
        String username = testUsers
                .staff("DOCTOR", FhirAccessMatrixIntegrationTests.PULMONOLOGY)
                .username();
        ApiClient doctor = login(username);

        ApiClient.Response r = doctor.get("/fhir/Observation?patient=" + patient);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        // read right after the answer: the FHIR interaction's row and the two module reads it made, each once
        assertThat(rows(username))
                .isEqualTo(Map.of("FHIR_SEARCH_TYPE SUCCESS", 1L, "VITALS_LIST SUCCESS", 1L, "ORDER_LIST SUCCESS", 1L));

        // a JSON request of the same user afterwards (no batch): its own row at once, the earlier ones not again
        assertThat(doctor.get("/api/patients/" + patient + "/timeline?types=VITALS&size=5")
                        .status())
                .isEqualTo(200);
        assertThat(rows(username))
                .isEqualTo(Map.of(
                        "FHIR_SEARCH_TYPE SUCCESS",
                        1L,
                        "VITALS_LIST SUCCESS",
                        1L,
                        "ORDER_LIST SUCCESS",
                        1L,
                        "TIMELINE_READ SUCCESS",
                        1L));

        // the next FHIR search adds exactly its own rows
        assertThat(doctor.get("/fhir/Observation?patient=" + patient + "&category=vital-signs")
                        .status())
                .isEqualTo(200);
        assertThat(rows(username))
                .isEqualTo(Map.of(
                        "FHIR_SEARCH_TYPE SUCCESS",
                        2L,
                        "VITALS_LIST SUCCESS",
                        2L,
                        "ORDER_LIST SUCCESS",
                        1L,
                        "TIMELINE_READ SUCCESS",
                        1L));
    }

    @Test
    void a_failing_fhir_call_still_writes_its_rows() {
        // a lab technician may not read the chart's vital signs: the module's refusal and the FHIR call's failure
        String username = testUsers
                .staff("LAB_TECH", FhirAccessMatrixIntegrationTests.LABORATORY)
                .username();
        ApiClient labTech = login(username);

        ApiClient.Response r = labTech.get("/fhir/Observation?patient=" + patient + "&category=vital-signs");
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(rows(username)).isEqualTo(Map.of("FHIR_SEARCH_TYPE FAILURE", 1L, "VITALS_LIST DENIED", 1L));

        // a following successful FHIR call on the same session carries none of them over
        assertThat(labTech.get("/fhir/Patient/" + patient).status()).isEqualTo(200);
        Map<String, Long> after = rows(username);
        assertThat(after).containsEntry("FHIR_SEARCH_TYPE FAILURE", 1L).containsEntry("VITALS_LIST DENIED", 1L);
        assertThat(after).containsEntry("FHIR_READ SUCCESS", 1L);
    }

    /** A next page's link carries no search parameters; its row still names the patient and type of the search. */
    @Test
    void a_next_page_is_audited_with_the_searched_patient() {
        String username = testUsers
                .staff("DOCTOR", FhirAccessMatrixIntegrationTests.PULMONOLOGY)
                .username();
        ApiClient doctor = login(username);
        ApiClient.Response first =
                doctor.get("/fhir/Observation?patient=" + patient + "&category=vital-signs&_count=2");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String next = null;
        for (var link : first.json().path("link")) {
            if (link.path("relation").asString().equals("next")) {
                next = link.path("url").asString();
            }
        }
        assertThat(next).as("a next link in " + first.body()).isNotNull().contains("_getpages=");
        ApiClient.Response second = doctor.get(next.substring(next.indexOf("/fhir")));
        assertThat(second.status()).as(second.body()).isEqualTo(200);

        var page = jdbc.sql("SELECT resource_type, patient_id, outcome FROM audit_event"
                        + " WHERE username = :u AND action = 'FHIR_GET_PAGE'")
                .param("u", username)
                .query((rs, n) -> List.of(
                        rs.getString(1).trim(),
                        rs.getString(2).trim(),
                        rs.getString(3).trim()))
                .single();
        assertThat(page).containsExactly("fhir:Observation", patient, "SUCCESS");
    }

    private ApiClient login(String username) {
        ApiClient client = new ApiClient(port);
        assertThat(client.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return client;
    }

    /** The user's audit rows by action and outcome, without the login's. */
    private Map<String, Long> rows(String username) {
        List<String> rows = jdbc.sql("SELECT action, outcome FROM audit_event WHERE username = :u")
                .param("u", username)
                .query((rs, n) -> rs.getString(1).trim() + " " + rs.getString(2).trim())
                .list();
        return rows.stream()
                .filter(r -> !r.startsWith("LOGIN"))
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
    }
}
