package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cdss.identity.UserView;
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
 * SMART App Launch, standalone, for staff (issue 17 item 4, ADR 0048), driven over HTTP as a SMART app and a staff
 * member's browser drive it: the authorization request sends the browser to the CDSS login, which (with its CSRF
 * token) starts the session; the request again leads to the consent page; the approval redirects to the app with a
 * code; the app exchanges the code and its PKCE verifier for a token; FHIR calls with that token are authorised
 * exactly like the user's own JSON API calls for the same data, narrowed by the token's {@code user/} scopes, and
 * audited under the user with the app named.
 */
@IntegrationTest
class FhirSmartAppLaunchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SyntheticData seed;

    @Autowired
    TestUsers testUsers;

    UUID patient;
    String encounter;

    @BeforeEach
    void seeded() {
        SeedForTests.ensureSeeded(seed, jdbc, 150, 21, LocalDate.now());
        List<String> withVisits = FhirTokens.seededPatientsWithVitals(jdbc);
        patient = UUID.fromString(withVisits.get(withVisits.size() / 3).trim());
        encounter = jdbc.sql("SELECT e.id FROM encounter e JOIN vital_signs v ON v.encounter_id = e.id"
                        + " WHERE e.patient_id = :p")
                .param("p", patient.toString())
                .query(String.class)
                .list()
                .getFirst()
                .trim();
    }

    @Test
    void a_doctor_signs_in_approves_and_the_app_reads_what_the_doctor_may_read() {
        UserView doctor = testUsers.staff("DOCTOR", FhirAccessMatrixIntegrationTests.PULMONOLOGY);
        SmartAppLaunch app = SmartAppLaunch.publicApp(port);
        ApiClient browser = new ApiClient(port).language("en");

        // not signed in: the authorization request goes to the CDSS login page, which will come back to it
        HttpResponse<String> first = browser.browse(app.authorizeUrl("user/*.rs"), null);
        assertThat(first.statusCode()).isEqualTo(302);
        URI login = URI.create(first.headers().firstValue("Location").orElseThrow());
        assertThat(login.getPath()).isEqualTo("/login");
        String next = SmartAppLaunch.query(login).get("next");
        assertThat(next).startsWith("/oauth2/authorize?").contains("code_challenge_method=S256");
        // the login itself is the UI's: CSRF token first (a login without it is refused), then a new session
        assertThat(new ApiClient(port)
                        .forgeCsrfHeader("forged")
                        .login(doctor.username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(403);
        assertThat(browser.login(doctor.username(), TestUsers.PASSWORD).status())
                .isEqualTo(200);

        // back to the authorization request: the consent page names the app and the user, in English or Korean
        HttpResponse<String> consent = app.toConsent(browser, "user/*.rs");
        assertThat(consent.body()).contains("Test SMART app", doctor.username(), "Approve", "Deny", "user/*.rs");
        assertThat(consent.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("form-action 'self' http://localhost:9");
        HttpResponse<String> korean = app.toConsent(withSession(browser, "ko"), "user/*.rs");
        assertThat(korean.body()).contains("앱 접근 승인", "승인", "거부");

        String code = app.approve(browser, "user/*.rs");
        // a wrong verifier fails (and does not use the code up); the right one gets the token once, never twice
        ApiClient.Response wrong = app.token(code, app.verifier + "x", null);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("invalid_grant");
        ApiClient.Response issued = app.token(code, app.verifier, null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.json().get("scope").asString()).isEqualTo("user/*.rs");
        assertThat(issued.json().has("refresh_token")).isFalse();
        ApiClient.Response again = app.token(code, app.verifier, null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");

        String token = issued.json().get("access_token").asString();
        var claims = FhirTokens.claims(token);
        assertThat(claims.get("cdss_user").asString()).isEqualTo(doctor.id().toString());
        assertThat(claims.get("client_id").asString()).isEqualTo(SmartAppLaunch.PUBLIC_APP);

        // the same answers as the doctor's own UI calls for the same data
        assertSameAsUi(new ApiClient(port).bearer(token), browser, "user/*.rs");

        // the audit row names the user and the app
        long before = fhirReads(doctor.username());
        assertThat(new ApiClient(port)
                        .bearer(token)
                        .get("/fhir/Patient/" + patient)
                        .status())
                .isEqualTo(200);
        assertThat(fhirReads(doctor.username())).isEqualTo(before + 1);
    }

    @Test
    void a_patient_scope_token_reads_patients_and_no_observations() {
        UserView doctor = testUsers.staff("DOCTOR", FhirAccessMatrixIntegrationTests.PULMONOLOGY);
        ApiClient browser = signedIn(doctor);
        String token = SmartAppLaunch.publicApp(port).accessToken(browser, "user/Patient.rs", null);
        ApiClient app = new ApiClient(port).bearer(token);
        assertThat(app.get("/fhir/Patient/" + patient).status()).isEqualTo(200);
        ApiClient.Response observations = app.get("/fhir/Observation?patient=" + patient);
        assertThat(observations.status()).isEqualTo(403);
        assertThat(observations.body()).contains("insufficient-scope");
        // the session of the same doctor sees the Observations: the scope, not the user, refuses
        assertThat(browser.get("/fhir/Observation?patient=" + patient).status()).isEqualTo(200);
    }

    @Test
    void a_front_desk_token_cannot_read_observations_because_the_front_desk_ui_cannot() {
        UserView clerk = testUsers.staff("ADMIN_STAFF", FhirAccessMatrixIntegrationTests.FRONT_OFFICE);
        ApiClient browser = signedIn(clerk);
        String token = SmartAppLaunch.publicApp(port).accessToken(browser, "user/*.rs", null);
        ApiClient app = new ApiClient(port).bearer(token);
        assertThat(browser.get("/api/encounters/" + encounter).status()).isEqualTo(403);
        ApiClient.Response vitals = app.get("/fhir/Observation?patient=" + patient + "&category=vital-signs");
        assertThat(vitals.status()).isIn(403, 404);
        assertThat(vitals.body()).contains("OperationOutcome");
        assertSameAsUi(app, browser, "user/*.rs");
    }

    @Test
    void denial_wrong_redirect_unknown_client_and_confidential_clients() {
        UserView doctor = testUsers.staff("DOCTOR", FhirAccessMatrixIntegrationTests.PULMONOLOGY);
        ApiClient browser = signedIn(doctor);
        SmartAppLaunch app = SmartAppLaunch.publicApp(port);

        // the user denies: the app gets access_denied and no code
        HttpResponse<String> consent = app.toConsent(browser, "user/*.rs");
        String state = SmartAppLaunch.query(consent.uri()).get("state");
        HttpResponse<String> denied = browser.browse(
                "/oauth2/authorize", SmartAppLaunch.form(Map.of("client_id", app.clientId, "state", state)));
        assertThat(denied.statusCode()).isEqualTo(302);
        String back = denied.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(SmartAppLaunch.PUBLIC_REDIRECT).contains("error=access_denied");
        assertThat(back).doesNotContain("code=");

        // no code challenge: refused (PKCE is required); a redirect URI not registered: no redirect at all
        String noPkce = app.authorizeUrl("user/*.rs").replaceAll("&code_challenge[^&]*", "");
        HttpResponse<String> withoutPkce = browser.browse(noPkce, null);
        assertThat(withoutPkce.headers().firstValue("Location").orElse(withoutPkce.body()))
                .contains("invalid_request");
        HttpResponse<String> elsewhere = browser.browse(
                new SmartAppLaunch(port, SmartAppLaunch.PUBLIC_APP, "https://evil.example/cb")
                        .authorizeUrl("user/*.rs"),
                null);
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.headers().firstValue("Location")).isEmpty();
        // a scope the app is not registered for; a backend client cannot use the code flow
        HttpResponse<String> system = browser.browse(app.authorizeUrl("system/*.rs"), null);
        assertThat(system.headers().firstValue("Location").orElse("")).contains("error=invalid_scope");
        HttpResponse<String> backend = browser.browse(
                new SmartAppLaunch(port, "test-system-reader", SmartAppLaunch.PUBLIC_REDIRECT)
                        .authorizeUrl("system/Patient.rs"),
                null);
        assertThat(backend.statusCode()).isEqualTo(400);

        // a confidential app: its secret is required besides the verifier
        SmartAppLaunch confidential =
                new SmartAppLaunch(port, SmartAppLaunch.CONFIDENTIAL_APP, SmartAppLaunch.CONFIDENTIAL_REDIRECT);
        String code = confidential.approve(browser, "user/*.rs");
        assertThat(confidential.token(code, confidential.verifier, "wrong").status())
                .isEqualTo(401);
        ApiClient.Response ok = confidential.token(code, confidential.verifier, "test-secret-smart");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(new ApiClient(port)
                        .bearer(ok.json().get("access_token").asString())
                        .get("/fhir/Patient/" + patient)
                        .status())
                .isEqualTo(200);

        // a patient account cannot launch a staff app
        String patientAccount =
                testUsers.patientAccount(testUsers.patient("스마트 환자")).username();
        ApiClient patientBrowser = signedIn(patientAccount);
        assertThat(patientBrowser.browse(app.authorizeUrl("user/*.rs"), null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_token_stops_working_when_its_user_is_deactivated() {
        UserView doctor = testUsers.staff("DOCTOR", FhirAccessMatrixIntegrationTests.PULMONOLOGY);
        ApiClient browser = signedIn(doctor);
        ApiClient app =
                new ApiClient(port).bearer(SmartAppLaunch.publicApp(port).accessToken(browser, "user/*.rs", null));
        assertThat(app.get("/fhir/Patient/" + patient).status()).isEqualTo(200);
        jdbc.sql("UPDATE app_user SET active = FALSE WHERE id = :id")
                .param("id", doctor.id().toString())
                .update();
        assertThat(app.get("/fhir/Patient/" + patient).status()).isEqualTo(401);
    }

    /** FHIR with the user's token against the user's own JSON API calls for the same data (as the access matrix). */
    private void assertSameAsUi(ApiClient token, ApiClient ui, String scopes) {
        String a = patient.toString();
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("/fhir/Patient/" + a, "/api/patients/" + a);
        pairs.put("/fhir/AllergyIntolerance?patient=" + a, "/api/patients/" + a + "/allergies");
        pairs.put("/fhir/Encounter/" + encounter, "/api/encounters/" + encounter);
        pairs.put("/fhir/Observation?patient=" + a + "&category=vital-signs", "/api/encounters/" + encounter);
        pairs.put("/fhir/AuditEvent?patient=" + a, "/api/admin/audit?patientId=" + a);
        pairs.put("/fhir/Organization", "/api/departments");
        for (var pair : pairs.entrySet()) {
            ApiClient.Response fhir = token.get(pair.getKey());
            int status = ui.get(pair.getValue()).status();
            boolean scope = FhirAccessMatrixIntegrationTests.scopeAllows(scopes, pair.getKey(), false);
            assertThat(fhir.status() == 200)
                    .as(pair.getKey() + ": FHIR " + fhir.status() + ", JSON API " + status)
                    .isEqualTo(scope && status == 200);
            if (fhir.status() != 200) {
                assertThat(fhir.status()).as(pair.getKey()).isIn(403, 404);
            }
        }
    }

    private long fhirReads(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'FHIR_READ' AND patient_id = :p"
                        + " AND username = :u AND detail = :d")
                .param("p", patient.toString())
                .param("u", username)
                .param("d", "client=" + SmartAppLaunch.PUBLIC_APP)
                .query(Long.class)
                .single();
    }

    private ApiClient signedIn(UserView user) {
        return signedIn(user.username());
    }

    private ApiClient signedIn(String username) {
        ApiClient browser = new ApiClient(port);
        assertThat(browser.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return browser;
    }

    /** The same browser session asking in another language. */
    private static ApiClient withSession(ApiClient browser, String language) {
        return browser.language(language);
    }
}
