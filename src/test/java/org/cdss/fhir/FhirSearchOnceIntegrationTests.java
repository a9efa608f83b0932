package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cdss.seed.SeedForTests;
import org.cdss.seed.SyntheticData;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A FHIR search over a module's paged query ({@link PagedSearch}) runs that query once per page: HAPI asks for the
 * total before the page, and answering the total with a query of its own made every search two module searches and
 * two audit rows (found by bench/fhir-read.sh: the search by MRN cost 1.5–1.7× the JSON search). The total and the
 * paging links stay right.
 */
@IntegrationTest
class FhirSearchOnceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SyntheticData seed;

    @Autowired
    TestUsers testUsers;

    @Test
    void a_patient_search_is_one_module_search_per_page_with_its_total_and_links() {
        SeedForTests.ensureSeeded(seed, jdbc, 150, 21, LocalDate.now());
        String username = testUsers
                .staff("DOCTOR", FhirAccessMatrixIntegrationTests.PULMONOLOGY)
                .username();
        ApiClient doctor = new ApiClient(port);
        assertThat(doctor.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        String mrn = jdbc.sql("SELECT mrn FROM patient WHERE mrn LIKE '9%' ORDER BY mrn")
                .query(String.class)
                .list()
                .getFirst()
                .trim();

        long before = searches(username);
        JsonNode byMrn = bundle(doctor, "/fhir/Patient?identifier=" + encode(FhirCodes.MRN_SYSTEM + "|" + mrn));
        assertThat(searches(username)).isEqualTo(before + 1);
        assertThat(byMrn.get("total").asInt()).isEqualTo(1);
        assertThat(byMrn.get("entry")).hasSize(1);

        // a family name many seeded patients share: a first page of two, then the next page through its link
        String family = jdbc.sql("SELECT name FROM patient WHERE mrn LIKE '9%'").query(String.class).list().stream()
                .map(n -> n.substring(0, 1))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        before = searches(username);
        JsonNode first = bundle(doctor, "/fhir/Patient?name=" + encode(family) + "&_count=2");
        assertThat(searches(username)).isEqualTo(before + 1);
        assertThat(first.get("total").asInt()).isGreaterThan(2);
        assertThat(first.get("entry")).hasSize(2);
        String next = link(first, "next");
        assertThat(next).as("next link").isNotNull();

        URI nextUri = URI.create(next);
        JsonNode second = bundle(doctor, nextUri.getRawPath() + "?" + nextUri.getRawQuery());
        assertThat(searches(username)).isEqualTo(before + 2);
        assertThat(second.get("entry")).hasSize(2);
        assertThat(second.get("entry").get(0).get("fullUrl").asString())
                .isNotIn(
                        first.get("entry").get(0).get("fullUrl").asString(),
                        first.get("entry").get(1).get("fullUrl").asString());
    }

    private long searches(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_SEARCH' AND username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    private static JsonNode bundle(ApiClient client, String path) {
        ApiClient.Response r = client.get(path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        JsonNode bundle = r.json();
        assertThat(bundle.get("resourceType").asString()).isEqualTo("Bundle");
        return bundle;
    }

    private static String link(JsonNode bundle, String relation) {
        for (JsonNode link : bundle.path("link")) {
            if (relation.equals(link.get("relation").asString())) {
                return link.get("url").asString();
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
