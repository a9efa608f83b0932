package org.cdss.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.cdss.patients.PatientSummaryView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Portal registration with a front-office activation code (issue 10 item 1, ADR 0013): single use, expiring (the
 * application's clock is a test clock here), replaced when issued again, one identical answer for every failure, and
 * rate limited per client address and per account with the production-like limits set below.
 */
@IntegrationTest
@Import(PortalRegistrationIntegrationTests.TestClockConfiguration.class)
@TestPropertySource(
        properties = {
            "cdss.throttle.login.per-ip.attempts=40", "cdss.throttle.login.per-ip.window=1m",
            "cdss.throttle.login.per-account.attempts=10", "cdss.throttle.login.per-account.window=1m",
            "cdss.throttle.register.per-ip.attempts=30", "cdss.throttle.register.per-ip.window=1h",
            "cdss.throttle.register.per-account.attempts=5", "cdss.throttle.register.per-account.window=15m"
        })
class PortalRegistrationIntegrationTests {

    /** The application's clock, moved by the tests. */
    static final class TestClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TestConfiguration
    static class TestClockConfiguration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    ApiClient desk;

    @BeforeEach
    void frontOffice() {
        desk = new ApiClient(port);
        desk.login(testUsers.staff(Role.ADMIN_STAFF).username(), TestUsers.PASSWORD);
    }

    /** Every test starts with full buckets: the throttle's windows are all far behind. */
    @AfterEach
    void letTheLimitsRefill() {
        clock.advance(Duration.ofDays(1));
    }

    String issue(PatientSummaryView patient) {
        var issued = desk.post("/api/patients/" + patient.id() + "/portal-activation-code", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.text("code");
    }

    static Map<String, Object> registration(String code, String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("username", username);
        body.put("displayName", "환자");
        body.put("password", "a-long-enough-passphrase");
        return body;
    }

    ApiClient.Response register(String code, String username) {
        ApiClient anonymous = new ApiClient(port);
        anonymous.ensureCsrf();
        return anonymous.post("/api/auth/register", registration(code, username));
    }

    @Test
    void front_office_issues_a_code_shown_once_and_the_patient_registers_with_it_as_patient_only() {
        var patient = testUsers.patient("코드환자");
        var issued = desk.post("/api/patients/" + patient.id() + "/portal-activation-code", null);
        assertThat(issued.status()).isEqualTo(201);
        String code = issued.text("code");
        assertThat(code).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        assertThat(Instant.parse(issued.text("expiresAt")))
                .isEqualTo(clock.instant().plus(Duration.ofHours(72)));
        // stored as a keyed hash only
        String stored = jdbc.sql("SELECT code_hash FROM portal_activation_code WHERE patient_id = ?")
                .param(patient.id().toString())
                .query(String.class)
                .single();
        assertThat(stored).hasSize(64).doesNotContain(code.replace("-", ""));

        ApiClient api = new ApiClient(port);
        api.ensureCsrf();
        String username = TestUsers.uniqueName("portal");
        Map<String, Object> smuggled = registration(code, username);
        smuggled.put("roles", List.of("ADMIN"));
        assertThat(api.post("/api/auth/register", smuggled).status()).isEqualTo(400);

        // typed in lower case with spaces instead of dashes: the same code
        var registered =
                api.post("/api/auth/register", registration(code.toLowerCase().replace("-", " "), username));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().path("roles").size()).isEqualTo(1);
        assertThat(registered.json().path("roles").get(0).asString()).isEqualTo("PATIENT");
        assertThat(registered.text("patientId")).isEqualTo(patient.id().toString());
        assertThat(api.get("/api/me").status()).isEqualTo(200);
        assertThat(api.get("/api/admin/users").status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action IN ('PORTAL_CODE_ISSUE',"
                                + " 'PORTAL_CODE_REDEEM') AND patient_id = ?")
                        .param(patient.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // the patient has an account now: no new code for them
        var again = desk.post("/api/patients/" + patient.id() + "/portal-activation-code", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("identity.portal-account-exists");
    }

    @Test
    void wrong_reused_expired_replaced_and_already_linked_codes_get_one_identical_answer() {
        // reused
        String used = issue(testUsers.patient("재사용"));
        assertThat(register(used, TestUsers.uniqueName("first")).status()).isEqualTo(201);
        // replaced: issuing again invalidates the first code; the new one works
        var replacedPatient = testUsers.patient("재발급");
        String replaced = issue(replacedPatient);
        String current = issue(replacedPatient);
        var replacedFailure = register(replaced, TestUsers.uniqueName("replaced"));
        assertThat(register(current, TestUsers.uniqueName("current")).status()).isEqualTo(201);
        // expired: the clock passes its expiry (72 h by default)
        String expired = issue(testUsers.patient("만료"));
        clock.advance(Duration.ofHours(72).plusSeconds(1));
        // already linked: a code issued before an administrator gave the patient an account
        var linkedPatient = testUsers.patient("연결됨");
        String linked = issue(linkedPatient);
        testUsers.patientAccount(linkedPatient);
        String fresh = issue(testUsers.patient("새코드"));

        List<ApiClient.Response> failures = List.of(
                register("ABCD-EFGH-JKMN", TestUsers.uniqueName("wrong")),
                register("not a code", TestUsers.uniqueName("malformed")),
                register(used, TestUsers.uniqueName("reuse")),
                register(expired, TestUsers.uniqueName("expired")),
                replacedFailure,
                register(linked, TestUsers.uniqueName("linked")));

        for (ApiClient.Response failure : failures) {
            assertThat(failure.status()).as(failure.body()).isEqualTo(422);
            assertThat(failure.isProblem()).isTrue();
            assertThat(failure.text("code")).isEqualTo("identity.activation-invalid");
            assertThat(failure.body()).isEqualTo(failures.get(0).body());
        }
        assertThat(failures.get(0).json().has("errors")).isFalse();
        assertThat(register(fresh, TestUsers.uniqueName("fresh")).status()).isEqualTo(201);
        // the reason is in the audit log, never in the answer
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'REGISTER' AND outcome = 'FAILURE'")
                        .query(String.class)
                        .list())
                .contains(
                        "unknown code",
                        "malformed code",
                        "code already used",
                        "code expired",
                        "patient already has an account");
    }

    @Test
    void a_taken_username_is_told_only_to_a_holder_of_a_valid_code_and_the_code_stays_usable() {
        String taken = testUsers.staff(Role.NURSE).username();
        assertThat(register("ABCD-EFGH-JKMN", taken).text("code")).isEqualTo("identity.activation-invalid");
        String code = issue(testUsers.patient("아이디중복"));
        var response = register(code, taken);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("code")).isEqualTo("identity.username-taken");
        assertThat(register(code, TestUsers.uniqueName("other")).status()).isEqualTo(201);
    }

    @Test
    void fifty_registration_attempts_from_one_address_are_throttled_with_retry_after() {
        List<Integer> statuses = new java.util.ArrayList<>();
        ApiClient.Response throttled = null;
        for (int i = 0; i < 50; i++) {
            var response = register("ABCD-EFGH-JK" + (i % 10) + "M", TestUsers.uniqueName("guess"));
            statuses.add(response.status());
            if (response.status() == 429) {
                throttled = response;
            }
        }
        assertThat(statuses.subList(0, 30)).containsOnly(422);
        assertThat(statuses.subList(30, 50)).containsOnly(429);
        assertThat(throttled.isProblem()).isTrue();
        assertThat(throttled.text("code")).isEqualTo("identity.throttled");
        assertThat(throttled.text("type")).isEqualTo("urn:cdss:problem:identity.throttled");
    }

    @Test
    void registration_attempts_for_one_username_are_throttled_before_the_address_limit() {
        String username = TestUsers.uniqueName("target");
        for (int i = 0; i < 5; i++) {
            assertThat(register("ABCD-EFGH-JKM" + i, username).status()).isEqualTo(422);
        }
        var sixth = register("ABCD-EFGH-JKM9", username);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.text("code")).isEqualTo("identity.throttled");
    }

    @Test
    void fifty_logins_for_one_account_end_in_429_with_retry_after_on_top_of_the_lockout() throws Exception {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            statuses.add(new ApiClient(port)
                    .login(doctor.username(), "wrong-password-" + i)
                    .status());
        }
        assertThat(statuses.subList(0, 4)).containsOnly(401);
        assertThat(statuses.subList(4, 10)).containsOnly(423); // the lockout, as before
        assertThat(statuses.subList(10, 50)).containsOnly(429);

        ApiClient api = new ApiClient(port);
        api.ensureCsrf();
        var http = java.net.http.HttpClient.newHttpClient();
        String token = api.cookie("XSRF-TOKEN").orElseThrow();
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token)
                .header("Cookie", "XSRF-TOKEN=" + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + doctor.username() + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}"))
                .build();
        var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"identity.throttled\"");
    }

    @Test
    void only_front_office_and_administrators_issue_codes_and_only_for_an_existing_patient() {
        var patient = testUsers.patient("권한");
        ApiClient doctor = new ApiClient(port);
        doctor.login(testUsers.staff(Role.DOCTOR).username(), TestUsers.PASSWORD);
        assertThat(doctor.post("/api/patients/" + patient.id() + "/portal-activation-code", null)
                        .status())
                .isEqualTo(403);
        ApiClient admin = new ApiClient(port);
        admin.login(testUsers.staff(Role.ADMIN).username(), TestUsers.PASSWORD);
        assertThat(admin.post("/api/patients/" + patient.id() + "/portal-activation-code", null)
                        .status())
                .isEqualTo(201);
        assertThat(desk.post("/api/patients/" + java.util.UUID.randomUUID() + "/portal-activation-code", null)
                        .status())
                .isEqualTo(404);
    }
}
