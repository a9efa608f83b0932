package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cdss.seed.SeedForTests;
import org.cdss.seed.SyntheticData;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The server's own JSON writer (ADR 0052) over HTTP: every answer to a read or search of the seeded data is written
 * by it and is exactly what HAPI's parser writes for the same resource ({@link PlainJsonParser#verify} compares the
 * two in the server), the Observation and Patient searches take the writer's path, and answers with {@code _pretty}, {@code _summary} or {@code _elements}
 * are HAPI's. On H2, PostgreSQL and MariaDB.
 */
@IntegrationTest
class FhirJsonWriterIntegrationTests {

    private static final FhirContext HAPI = FhirContext.forR4();

    @LocalServerPort
    int port;

    /** The FHIR servlet, for its context's writer and verification switch (SearchBundles.ServerContext). */
    @Autowired
    ServletRegistrationBean<RestfulServer> fhirServlet;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SyntheticData seed;

    @Autowired
    TestUsers testUsers;

    ApiClient doctor;

    @BeforeEach
    void seededDatabaseAndADoctor() {
        SeedForTests.ensureSeeded(seed, jdbc, 150, 21, LocalDate.now());
        doctor = new ApiClient(port);
        assertThat(doctor.login(
                                testUsers
                                        .staff("DOCTOR", FhirAccessMatrixIntegrationTests.PULMONOLOGY)
                                        .username(),
                                TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void every_answer_is_what_hapi_writes_for_it() {
        List<String> paths =
                new ArrayList<>(List.of("/fhir/Organization", "/fhir/Practitioner", "/fhir/PractitionerRole"));
        for (String patient : patients()) {
            paths.add("/fhir/Patient/" + patient);
            paths.add("/fhir/Patient?identifier=" + mrn(patient));
            for (String type : List.of(
                    "Encounter?patient=",
                    "Condition?patient=",
                    "Observation?patient=",
                    "Observation?category=vital-signs&_count=200&patient=",
                    "AllergyIntolerance?patient=",
                    "MedicationStatement?patient=",
                    "MedicationRequest?patient=",
                    "ServiceRequest?patient=",
                    "DiagnosticReport?patient=",
                    "Provenance?patient=",
                    "Appointment?patient=",
                    "DocumentReference?patient=",
                    "ImagingStudy?patient=",
                    "RiskAssessment?patient=")) {
                paths.add("/fhir/" + type + patient);
            }
        }
        Set<String> typesSeen = new TreeSet<>();
        long written = serverContext().writer().counts()[0];
        int answered = 0;
        serverContext().verification().set(true);
        try {
            for (String path : paths) {
                ApiClient.Response answer = doctor.get(path);
                if (answer.status() != 200) {
                    continue; // not this doctor's to see; the access matrix test covers refusals
                }
                answered++;
                IBaseResource parsed = HAPI.newJsonParser().parseResource(answer.body());
                if (parsed instanceof Bundle bundle) {
                    bundle.getEntry().forEach(e -> typesSeen.add(e.getResource().fhirType()));
                } else {
                    typesSeen.add(parsed.fhirType());
                }
            }
        } finally {
            serverContext().verification().set(false);
        }
        assertThat(serverContext().verification().mismatches()).isEmpty();
        assertThat(serverContext().writer().counts()[0] - written)
                .as("answers the writer wrote")
                .isGreaterThanOrEqualTo(answered);
        System.out.println("FhirJsonWriterIntegrationTests: types answered " + typesSeen);
        assertThat(typesSeen)
                .contains("Patient", "Observation", "Encounter", "Condition", "Organization", "Practitioner");
    }

    @Test
    void observation_and_patient_searches_take_the_writers_path_and_the_other_forms_are_hapis() {
        String patient = patients().getFirst();
        String vitals = "/fhir/Observation?patient=" + patient + "&category=vital-signs&_count=200";
        long[] before = serverContext().writer().counts();
        assertThat(doctor.get(vitals).status()).isEqualTo(200);
        assertThat(doctor.get("/fhir/Patient?identifier=" + mrn(patient)).status())
                .isEqualTo(200);
        assertThat(doctor.get("/fhir/Patient/" + patient).status()).isEqualTo(200);
        long[] after = serverContext().writer().counts();
        assertThat(after[0] - before[0]).as("written here").isGreaterThanOrEqualTo(3);
        assertThat(after[1] - before[1]).as("left to HAPI").isZero();
        assertThat(after[2] - before[2])
                .as("as UTF-8 into the response's buffer")
                .isEqualTo(after[0] - before[0]);

        ApiClient.Response plain = doctor.get(vitals);
        Bundle bundle = HAPI.newJsonParser().parseResource(Bundle.class, plain.body());
        assertThat(bundle.getEntry()).isNotEmpty();

        before = serverContext().writer().counts();
        ApiClient.Response pretty = doctor.get(vitals + "&_pretty=true");
        ApiClient.Response count = doctor.get(vitals + "&_summary=count");
        ApiClient.Response elements = doctor.get(vitals + "&_elements=code");
        after = serverContext().writer().counts();
        assertThat(after[0]).as("none written here").isEqualTo(before[0]);

        IParser hapiPretty = HAPI.newJsonParser().setPrettyPrint(true);
        assertThat(pretty.body())
                .contains("\n")
                .isEqualTo(hapiPretty.encodeResourceToString(hapiPretty.parseResource(pretty.body())));
        Bundle counted = HAPI.newJsonParser().parseResource(Bundle.class, count.body());
        assertThat(counted.getTotal()).isEqualTo(bundle.getTotal());
        assertThat(counted.getEntry()).isEmpty();
        Bundle subset = HAPI.newJsonParser().parseResource(Bundle.class, elements.body());
        assertThat(subset.getEntry()).hasSameSizeAs(bundle.getEntry());
        Observation first = (Observation) subset.getEntryFirstRep().getResource();
        assertThat(first.hasCode()).isTrue();
        assertThat(first.hasValue()).isFalse();
        assertThat(first.getMeta().getTag()).anyMatch(t -> "SUBSETTED".equals(t.getCode()));
    }

    private String mrn(String patient) {
        return jdbc.sql("SELECT mrn FROM patient WHERE id = ?")
                .param(patient)
                .query(String.class)
                .single();
    }

    /** Seeded patients with vital signs, and ones with orders, allergies or medications where the seed has them. */
    private List<String> patients() {
        List<String> out = new ArrayList<>();
        for (String sql : List.of(
                "SELECT DISTINCT p.id FROM patient p JOIN encounter e ON e.patient_id = p.id"
                        + " WHERE p.mrn LIKE '9%' ORDER BY p.id",
                "SELECT DISTINCT patient_id FROM clinical_order ORDER BY patient_id",
                "SELECT DISTINCT patient_id FROM patient_allergy ORDER BY patient_id",
                "SELECT DISTINCT patient_id FROM patient_medication ORDER BY patient_id")) {
            jdbc.sql(sql).query(String.class).list().stream()
                    .limit(2)
                    .map(String::trim)
                    .filter(id -> !out.contains(id))
                    .forEach(out::add);
        }
        return out;
    }

    private SearchBundles.ServerContext serverContext() {
        return (SearchBundles.ServerContext) fhirServlet.getServlet().getFhirContext();
    }
}
