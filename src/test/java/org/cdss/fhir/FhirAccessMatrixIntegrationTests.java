package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.RestfulServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.patients.PatientDirectory;
import org.cdss.patients.PatientSummaryView;
import org.cdss.seed.SeedForTests;
import org.cdss.seed.SyntheticData;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.OrderBodies;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Same rules, same audit: every FHIR interaction × every role (and a patient account, and nobody) is allowed exactly
 * when the JSON API call for the same data is allowed for the same user — the UI endpoint is the oracle, so the test
 * holds no copy of any rule. A patient sees their own record and nothing of another patient's (404, as in the JSON
 * API); refusals are OperationOutcomes; every interaction writes an audit row. The table of statuses goes to
 * {@code target/fhir-access-matrix-<db>.txt}.
 */
@IntegrationTest
class FhirAccessMatrixIntegrationTests {

    static final UUID FRONT_OFFICE = UUID.fromString("0d1f0000-0000-4000-8000-000000000001");
    static final UUID PULMONOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000002");
    static final UUID RADIOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000004");
    static final UUID DIAGNOSTIC_RADIOLOGY = UUID.fromString("0d1f0000-0000-4000-8000-000000000005");
    static final UUID PHARMACY = UUID.fromString("0d1f0000-0000-4000-8000-000000000006");
    static final UUID LABORATORY = UUID.fromString("0d1f0000-0000-4000-8000-000000000007");

    @LocalServerPort
    int port;

    /** The FHIR servlet, for its context's writer and verification switch (SearchBundles.ServerContext). */
    @Autowired
    ServletRegistrationBean<RestfulServer> fhirServlet;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SyntheticData seed;

    @Autowired
    PatientDirectory directory;

    @Autowired
    org.cdss.identity.UserManagement users;

    UUID patientA;
    UUID patientB;
    ApiClient doctor;

    @BeforeEach
    void seeded() {
        SeedForTests.ensureSeeded(seed, jdbc, 150, 21, LocalDate.now());
        List<String> withVisits = jdbc.sql(
                        "SELECT e.patient_id FROM encounter e JOIN vital_signs v ON v.encounter_id = e.id"
                                + " JOIN appointment a ON a.patient_id = e.patient_id JOIN patient p ON p.id = e.patient_id"
                                + " WHERE p.mrn LIKE '9%' AND LENGTH(p.mrn) = 10" + FhirApiIntegrationTests.UNTOUCHED
                                + " GROUP BY e.patient_id ORDER BY e.patient_id DESC")
                .query(String.class)
                .list();
        // the last ones by id: FhirApiIntegrationTests takes the first
        patientA = UUID.fromString(withVisits.get(0).trim());
        patientB = UUID.fromString(withVisits.get(1).trim());
        doctor = login(testUsers.staff("DOCTOR", PULMONOLOGY).username());
        // the accounts the OAuth clients act as; the patient client's account is patient A's unless an earlier test
        // linked it to another patient (a patient has one account)
        appPatient = FhirTokens.ensureAccounts(jdbc, users, PULMONOLOGY, FRONT_OFFICE, patientA);
    }

    UUID appPatient;

    @Test
    void every_fhir_interaction_is_allowed_exactly_when_the_json_api_allows_the_same_data() throws Exception {
        String a = patientA.toString();
        String base = "/api/patients/" + a;
        assertThat(doctor.post(base + "/allergies", Map.of("substance", "Penicillin", "severity", "SEVERE"))
                        .status())
                .isEqualTo(201);
        assertThat(doctor.post(base + "/problems", Map.of("code", "J45.9", "description", "천식"))
                        .status())
                .isEqualTo(201);
        assertThat(doctor.post(base + "/medications", Map.of("name", "Salbutamol"))
                        .status())
                .isEqualTo(201);
        var med = doctor.post("/api/ocs/orders", OrderBodies.medication(patientA, "DB00641", 20));
        assertThat(med.status()).as(med.body()).isEqualTo(201);
        var lab = doctor.post(
                "/api/ocs/orders",
                Map.of(
                        "patientId",
                        patientA,
                        "type",
                        "LAB_TEST",
                        "priority",
                        "ROUTINE",
                        "labTest",
                        Map.of("testCode", "HGB")));
        assertThat(lab.status()).as(lab.body()).isEqualTo(201);
        String labId = lab.json().at("/order/id").asString();
        String allergyId =
                doctor.get(base + "/allergies").json().get(0).get("id").asString();
        String encounter = one(
                "SELECT e.id FROM encounter e JOIN vital_signs v ON v.encounter_id = e.id WHERE e.patient_id = :p", a);
        String vitals = one("SELECT id FROM vital_signs WHERE encounter_id = :p", encounter);
        String diagnosis = one("SELECT id FROM encounter_diagnosis WHERE encounter_id = :p", encounter);
        String appointment = one("SELECT id FROM appointment WHERE patient_id = :p", a);
        String note = one("SELECT id FROM clinical_note WHERE encounter_id = :p", encounter);
        PatientSummaryView summary = TestUsers.asSystem(() -> directory.get(patientA));
        String name = java.net.URLEncoder.encode(summary.name(), java.nio.charset.StandardCharsets.UTF_8);

        // FHIR interaction -> the JSON API call for the same data
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("/fhir/Patient/" + a, "/api/patients/" + a);
        pairs.put("/fhir/Patient?name=" + name, "/api/patients?q=" + name);
        pairs.put("/fhir/AllergyIntolerance?patient=" + a, base + "/allergies");
        pairs.put("/fhir/AllergyIntolerance/" + allergyId, base + "/allergies");
        pairs.put("/fhir/MedicationStatement?patient=" + a, base + "/medications");
        pairs.put("/fhir/Condition?patient=" + a + "&category=problem-list-item", base + "/problems");
        pairs.put("/fhir/Condition/dx-" + diagnosis, "/api/encounters/" + encounter);
        pairs.put("/fhir/Encounter?patient=" + a, base + "/encounters");
        pairs.put("/fhir/Encounter/" + encounter, "/api/encounters/" + encounter);
        pairs.put("/fhir/Observation?patient=" + a + "&category=vital-signs", "/api/encounters/" + encounter);
        pairs.put("/fhir/Observation/vs-hr-" + vitals, "/api/encounters/" + encounter);
        pairs.put("/fhir/Observation?patient=" + a + "&category=laboratory", "/api/ocs/orders?patientId=" + a);
        pairs.put("/fhir/MedicationRequest?patient=" + a, "/api/ocs/orders?patientId=" + a + "&type=MEDICATION");
        pairs.put("/fhir/ServiceRequest/" + labId, "/api/ocs/orders/" + labId);
        pairs.put("/fhir/ServiceRequest?patient=" + a, "/api/ocs/orders?patientId=" + a + "&type=LAB_TEST");
        pairs.put("/fhir/DiagnosticReport?patient=" + a, "/api/ocs/orders?patientId=" + a + "&type=LAB_TEST");
        pairs.put("/fhir/Provenance?target=ServiceRequest/" + labId, "/api/ocs/orders/" + labId);
        pairs.put("/fhir/Provenance/" + labId + "-0", "/api/ocs/orders/" + labId);
        pairs.put("/fhir/Provenance?patient=" + a, "/api/ocs/orders?patientId=" + a);
        pairs.put("/fhir/Appointment/" + appointment, "/api/appointments/" + appointment);
        // the notes: the chart's timeline lists them, the encounter holds them, its note versions are their history
        pairs.put("/fhir/DocumentReference?patient=" + a, base + "/timeline");
        pairs.put("/fhir/DocumentReference?subject=Patient/" + a + "&category=clinical-note", base + "/timeline");
        pairs.put("/fhir/DocumentReference/" + note, "/api/encounters/" + encounter);
        String versions = "/api/encounters/" + encounter + "/notes/" + note + "/versions";
        pairs.put("/fhir/DocumentReference/" + note + "/_history", versions);
        pairs.put("/fhir/DocumentReference/" + note + "/_history/0", versions);
        pairs.put("/fhir/AuditEvent?patient=" + a, "/api/admin/audit?patientId=" + a);
        pairs.put("/fhir/Organization", "/api/departments");
        pairs.put("/fhir/Practitioner", "/api/doctors");
        pairs.put("/fhir/PractitionerRole", "/api/doctors");
        pairs.put("/fhir/ImagingStudy?patient=" + a, "/api/imaging/studies?patientId=" + a);
        pairs.put("/fhir/RiskAssessment?patient=" + a, "/api/ai/suggestions?patientId=" + a);
        pairs.put("/fhir/DiagnosticReport?patient=" + a + "&category=RAD", "/api/ris/reports?patientId=" + a);

        Map<String, ApiClient> callers = new LinkedHashMap<>();
        callers.put("DOCTOR", doctor);
        callers.put("NURSE", staff("NURSE", PULMONOLOGY));
        callers.put("PHARMACIST", staff("PHARMACIST", PHARMACY));
        callers.put("LAB_TECH", staff("LAB_TECH", LABORATORY));
        callers.put("RADIOGRAPHER", staff("RADIOGRAPHER", RADIOLOGY));
        callers.put("RADIOLOGIST", staff("RADIOLOGIST", DIAGNOSTIC_RADIOLOGY));
        callers.put("ADMIN_STAFF", staff("ADMIN_STAFF", FRONT_OFFICE));
        callers.put("ADMIN", staff("ADMIN"));
        callers.put(
                "PATIENT (self)",
                login(
                        appPatient.equals(patientA)
                                ? FhirTokens.PATIENT_ACCOUNT
                                : testUsers.patientAccount(summary).username()));
        callers.put("anonymous", new ApiClient(port));

        // OAuth2 clients (ADR 0035): allowed exactly when the token's scopes allow the interaction and the JSON API
        // allows the data to the account the client acts as
        Map<String, Scoped> scoped = new LinkedHashMap<>();
        scoped.put(
                "token system/*.cruds (DOCTOR)",
                scoped("test-system-all", "test-secret-all", "system/*.cruds", FhirTokens.DOCTOR_ACCOUNT));
        scoped.put(
                "token system/Patient,Observation,Encounter (DOCTOR)",
                scoped(
                        "test-system-reader",
                        "test-secret-reader",
                        "system/Patient.rs system/Observation.rs system/Encounter.read",
                        FhirTokens.DOCTOR_ACCOUNT));
        scoped.put(
                "token system/*.rs (ADMIN_STAFF)",
                scoped(
                        "test-system-front-office",
                        "test-secret-front",
                        "system/*.rs",
                        FhirTokens.FRONT_OFFICE_ACCOUNT));
        scoped.put(
                "token system/DocumentReference.rs (DOCTOR)",
                scoped(
                        "test-document-reader",
                        "test-secret-documents",
                        "system/DocumentReference.rs",
                        FhirTokens.DOCTOR_ACCOUNT));
        scoped.put(
                "token patient/DocumentReference.rs (own)",
                scoped(
                        "test-patient-documents",
                        "test-secret-patient-documents",
                        "patient/DocumentReference.rs",
                        FhirTokens.PATIENT_ACCOUNT));
        scoped.put(
                "token patient/*.rs (own)",
                scoped(
                        "test-patient-app",
                        "test-secret-patient",
                        "patient/*.rs system/*.rs",
                        FhirTokens.PATIENT_ACCOUNT));
        // SMART apps a staff member launched (ADR 0048): user tokens, allowed exactly when their user/ scopes allow
        // the interaction and the JSON API allows the data to the user who approved the app
        scoped.put("user token user/*.rs (DOCTOR)", new Scoped(userToken(doctor, "user/*.rs"), doctor, "user/*.rs"));
        scoped.put(
                "user token user/Patient.rs (DOCTOR)",
                new Scoped(userToken(doctor, "user/Patient.rs"), doctor, "user/Patient.rs"));
        scoped.put(
                "user token user/*.rs (ADMIN_STAFF)",
                new Scoped(
                        userToken(callers.get("ADMIN_STAFF"), "user/*.rs"), callers.get("ADMIN_STAFF"), "user/*.rs"));

        List<String> headers = new ArrayList<>(callers.keySet());
        headers.addAll(scoped.keySet());
        StringBuilder table = new StringBuilder("FHIR interaction | " + String.join(" | ", headers) + "\n");
        List<String> mismatches = new ArrayList<>();
        // every answer of every type, as the server's own JSON writer writes it, compared with HAPI's (ADR 0052)
        serverContext().verification().set(true);
        for (var pair : pairs.entrySet()) {
            table.append(pair.getKey().replace(a, "{A}")).append(" |");
            for (var caller : callers.entrySet()) {
                ApiClient.Response fhir = caller.getValue().get(pair.getKey());
                int ui = caller.getValue().get(pair.getValue()).status();
                table.append(' ').append(fhir.status()).append('/').append(ui).append(" |");
                boolean fhirAllowed = fhir.status() == 200;
                boolean uiAllowed = ui == 200;
                if (fhirAllowed != uiAllowed) {
                    mismatches.add(
                            caller.getKey() + " " + pair.getKey() + ": FHIR " + fhir.status() + ", JSON API " + ui);
                }
                if (!fhirAllowed) {
                    assertThat(fhir.body()).as(pair.getKey()).contains("\"resourceType\"", "OperationOutcome");
                    assertThat(fhir.status())
                            .as(caller.getKey() + " " + pair.getKey())
                            .isIn(401, 403, 404);
                }
                if (caller.getKey().equals("anonymous")) {
                    assertThat(fhir.status()).isEqualTo(401);
                }
            }
            for (var token : scoped.entrySet()) {
                Scoped t = token.getValue();
                ApiClient.Response fhir = t.client().get(pair.getKey());
                int ui = t.account().get(pair.getValue()).status();
                boolean scopeAllows =
                        scopeAllows(t.scopes(), pair.getKey(), token.getKey().contains("patient/"));
                table.append(' ')
                        .append(fhir.status())
                        .append('/')
                        .append(ui)
                        .append(scopeAllows ? "" : " (scope)")
                        .append(" |");
                boolean expected = scopeAllows && ui == 200;
                if ((fhir.status() == 200) != expected) {
                    mismatches.add(token.getKey() + " " + pair.getKey() + ": FHIR " + fhir.status() + ", JSON API " + ui
                            + ", scope " + (scopeAllows ? "allows" : "refuses"));
                }
                if (fhir.status() != 200) {
                    assertThat(fhir.body()).as(pair.getKey()).contains("OperationOutcome");
                    assertThat(fhir.status())
                            .as(token.getKey() + " " + pair.getKey())
                            .isIn(403, 404);
                }
                if (!scopeAllows) {
                    assertThat(fhir.status())
                            .as(token.getKey() + " " + pair.getKey())
                            .isEqualTo(403);
                }
            }
            table.append('\n');
        }
        Path out = Path.of("target", "fhir-access-matrix-" + System.getProperty("cdss.test.db", "h2") + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out,
                table + "\n(FHIR status / JSON API status; for tokens, the JSON API as the account the client acts as,"
                        + " \"(scope)\" where the token's scopes refuse)\n");
        System.out.println(table);
        serverContext().verification().set(false);
        assertThat(mismatches).as(table.toString()).isEmpty();
        assertThat(serverContext().verification().mismatches()).isEmpty();

        // a patient reads their own record and nothing of another patient's: 404, as in the JSON API
        ApiClient self = callers.get("PATIENT (self)");
        assertThat(self.get("/fhir/Patient/" + a).status()).isEqualTo(200);
        assertThat(self.get("/fhir/AllergyIntolerance?patient=" + a).status()).isEqualTo(200);
        String b = patientB.toString();
        String noteOfB = one("SELECT id FROM clinical_note WHERE patient_id = :p", b);
        for (String other : List.of(
                "/fhir/DocumentReference?patient=" + b,
                "/fhir/DocumentReference/" + noteOfB,
                "/fhir/DocumentReference/" + noteOfB + "/_history",
                "/fhir/DocumentReference/" + noteOfB + "/_history/0",
                "/fhir/Patient/" + b,
                "/fhir/AllergyIntolerance?patient=" + b,
                "/fhir/Condition?patient=" + b,
                "/fhir/Encounter?patient=" + b,
                "/fhir/Observation?patient=" + b,
                "/fhir/MedicationStatement?patient=" + b,
                "/fhir/Appointment?patient=" + b)) {
            ApiClient.Response r = self.get(other);
            assertThat(r.status()).as(other).isEqualTo(404);
            assertThat(r.body()).contains("OperationOutcome").doesNotContain(b.substring(0, 8) + "\"");
        }
        // the same with a patient-scope token: its own patient, nobody else's
        ApiClient app = scoped.get("token patient/*.rs (own)").client();
        String own = appPatient.toString();
        String stranger = appPatient.equals(patientB) ? a : b;
        String noteOfStranger = one("SELECT id FROM clinical_note WHERE patient_id = :p", stranger);
        String ownNote = one("SELECT id FROM clinical_note WHERE patient_id = :p", own);
        assertThat(app.get("/fhir/Patient/" + own).status()).isEqualTo(200);
        assertThat(app.get("/fhir/Observation?patient=" + own).status()).isEqualTo(200);
        assertThat(app.get("/fhir/DocumentReference?patient=" + own).status()).isEqualTo(200);
        assertThat(app.get("/fhir/DocumentReference/" + ownNote + "/_history/0").status())
                .isEqualTo(200);
        for (String type : List.of(
                "DocumentReference?patient=" + stranger,
                "DocumentReference/" + noteOfStranger,
                "DocumentReference/" + noteOfStranger + "/_history",
                "DocumentReference/" + noteOfStranger + "/_history/0",
                "Patient/" + stranger,
                "AllergyIntolerance?patient=" + stranger,
                "Condition?patient=" + stranger,
                "Encounter?patient=" + stranger,
                "Observation?patient=" + stranger,
                "MedicationStatement?patient=" + stranger,
                "Appointment?patient=" + stranger)) {
            ApiClient.Response r = app.get("/fhir/" + type);
            assertThat(r.status()).as(type).isEqualTo(404);
            assertThat(r.body()).contains("OperationOutcome").doesNotContain(stranger.substring(0, 8) + "\"");
        }
        // a patient-scope token for notes only: its own patient's notes and their versions, nobody else's, nothing else
        ApiClient documents =
                scoped.get("token patient/DocumentReference.rs (own)").client();
        assertThat(documents.get("/fhir/DocumentReference?patient=" + own).status())
                .isEqualTo(200);
        assertThat(documents
                        .get("/fhir/DocumentReference/" + ownNote + "/_history")
                        .status())
                .isEqualTo(200);
        for (String path : List.of(
                "/fhir/DocumentReference?patient=" + stranger,
                "/fhir/DocumentReference/" + noteOfStranger,
                "/fhir/DocumentReference/" + noteOfStranger + "/_history/0")) {
            assertThat(documents.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(documents.get("/fhir/Observation?patient=" + own).status()).isEqualTo(403);
    }

    @Test
    void each_interaction_is_audited_and_refusals_are_operation_outcomes() {
        String a = patientA.toString();
        long before = count("SELECT COUNT(*) FROM audit_event WHERE action = 'FHIR_READ' AND patient_id = :p", a);
        assertThat(doctor.get("/fhir/Patient/" + a).status()).isEqualTo(200);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'FHIR_READ' AND resource_type = 'fhir:Patient'"
                                + " AND outcome = 'SUCCESS' AND patient_id = :p",
                        a))
                .isEqualTo(before + 1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_READ' AND patient_id = :p", a))
                .isPositive();
        assertThat(doctor.get("/fhir/Observation?patient=" + a).status()).isEqualTo(200);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'FHIR_SEARCH_TYPE'"
                                + " AND resource_type = 'fhir:Observation' AND patient_id = :p",
                        a))
                .isPositive();

        // another patient's record: 404 for the patient account, audited as refused
        PatientSummaryView summaryB = TestUsers.asSystem(() -> directory.get(patientB));
        ApiClient patient = login(testUsers.patientAccount(summaryB).username());
        long denied = count(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_READ' AND outcome = 'DENIED'"
                        + " AND resource_id = :p",
                a);
        ApiClient.Response other = patient.get("/fhir/Patient/" + a);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).contains("application/fhir+json");
        assertThat(other.body()).contains("OperationOutcome", "not-found");
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'PATIENT_READ' AND outcome = 'DENIED'"
                                + " AND resource_id = :p",
                        a))
                .isEqualTo(denied + 1);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'FHIR_READ' AND outcome = 'FAILURE'"
                                + " AND resource_id = :p",
                        a))
                .isPositive();

        // 401 without a session, 403 for the audit trail without the role, 404 unknown, 400 a search it cannot run
        ApiClient.Response anonymous = new ApiClient(port).get("/fhir/Patient/" + a);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).contains("OperationOutcome", "login");
        ApiClient.Response forbidden = doctor.get("/fhir/AuditEvent");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("OperationOutcome", "forbidden");
        assertThat(doctor.get("/fhir/Patient/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(doctor.get("/fhir/Patient/not-a-uuid").status()).isEqualTo(404);
        ApiClient.Response bad = doctor.get("/fhir/Appointment");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("OperationOutcome");
        assertThat(doctor.get("/fhir/Observation").status()).isEqualTo(400); // patient is required

        // a page of search results belongs to whoever searched
        ApiClient.Response first = doctor.get("/fhir/Observation?patient=" + a + "&_count=1");
        String next = first.json()
                .get("link")
                .valueStream()
                .filter(l -> l.get("relation").asString().equals("next"))
                .map(l -> l.get("url").asString())
                .findFirst()
                .orElseThrow();
        String path = next.substring(next.indexOf("/fhir"));
        assertThat(doctor.get(path).status()).isEqualTo(200);
        ApiClient otherDoctor = login(testUsers.staff("DOCTOR", PULMONOLOGY).username());
        assertThat(otherDoctor.get(path).status()).isIn(404, 410);
    }

    record Scoped(ApiClient client, ApiClient account, String scopes) {}

    /** The token a SMART app gets when the user signed in to {@code browser} launches it and approves (ADR 0048). */
    private ApiClient userToken(ApiClient browser, String scope) {
        return new ApiClient(port).bearer(SmartAppLaunch.publicApp(port).accessToken(browser, scope, null));
    }

    private Scoped scoped(String clientId, String secret, String scopes, String account) {
        return new Scoped(
                new ApiClient(port).bearer(FhirTokens.token(port, clientId, secret, scopes)), login(account), scopes);
    }

    /**
     * The test's own reading of SMART scopes: read by id needs r, a search s; system/ and user/ scopes count for a
     * staff account (a user token of a SMART app has user/ scopes only), patient/ for a patient account.
     */
    static boolean scopeAllows(String scopes, String path, boolean patientAccount) {
        String rest = path.substring("/fhir/".length());
        String[] parts = rest.split("\\?")[0].split("/");
        String type = parts[0];
        char wanted = parts.length >= 2 ? 'r' : 's'; // read, vread and history by id need r
        for (String scope : scopes.split(" ")) {
            String context = scope.substring(0, scope.indexOf('/'));
            if (patientAccount != context.equals("patient")) {
                continue;
            }
            String scopeType = scope.substring(scope.indexOf('/') + 1, scope.indexOf('.'));
            String permissions = scope.substring(scope.indexOf('.') + 1).replace("read", "rs");
            if ((scopeType.equals("*") || scopeType.equals(type)) && permissions.indexOf(wanted) >= 0) {
                return true;
            }
        }
        return false;
    }

    private ApiClient staff(String role, UUID... departments) {
        return login(testUsers.staff(role, departments).username());
    }

    private ApiClient login(String username) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    private String one(String sql, String param) {
        return jdbc.sql(sql)
                .param("p", param)
                .query(String.class)
                .list()
                .getFirst()
                .trim();
    }

    private long count(String sql, String param) {
        return jdbc.sql(sql).param("p", param).query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private SearchBundles.ServerContext serverContext() {
        return (SearchBundles.ServerContext) fhirServlet.getServlet().getFhirContext();
    }
}
