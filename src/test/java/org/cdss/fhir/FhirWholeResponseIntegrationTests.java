package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.cdss.seed.SeedForTests;
import org.cdss.seed.SyntheticData;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * FHIR answers leave in one piece (ADR 0044, {@link WholeResponses}): HAPI's JSON writer flushes after every value,
 * which made a resource dozens of chunks and socket writes; now a resource, a search page and the
 * CapabilityStatement come with a {@code Content-Length}, not chunked, and parse whole.
 */
@IntegrationTest
class FhirWholeResponseIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SyntheticData seed;

    @Autowired
    TestUsers testUsers;

    @Test
    void a_resource_a_page_and_the_capability_statement_are_sent_whole() {
        SeedForTests.ensureSeeded(seed, jdbc, 150, 21, LocalDate.now());
        String patient = jdbc.sql("SELECT id FROM patient WHERE mrn LIKE '9%' ORDER BY id")
                .query(String.class)
                .list()
                .getFirst()
                .trim();
        ApiClient doctor = new ApiClient(port);
        assertThat(doctor.login(
                                testUsers
                                        .staff("DOCTOR", FhirAccessMatrixIntegrationTests.PULMONOLOGY)
                                        .username(),
                                TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
        for (String path : new String[] {
            "/fhir/Patient/" + patient, "/fhir/Observation?patient=" + patient + "&_count=5", "/fhir/metadata"
        }) {
            HttpResponse<byte[]> r = doctor.bytes(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Transfer-Encoding")).as(path).isEmpty();
            assertThat(r.headers().firstValueAsLong("Content-Length").orElse(-1))
                    .as(path)
                    .isEqualTo(r.body().length);
            assertThat(ApiClient.JSON
                            .readTree(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                            .get("resourceType")
                            .asString())
                    .as(path)
                    .isIn("Patient", "Bundle", "CapabilityStatement");
        }
        // a refusal (OperationOutcome) too
        HttpResponse<byte[]> missing = doctor.bytes("/fhir/Patient/" + java.util.UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValueAsLong("Content-Length").orElse(-1))
                .isEqualTo(missing.body().length);
    }
}
