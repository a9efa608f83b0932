package org.cdss.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cdss.identity.UserView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input gets a clear problem+json answer in the caller's language, never a stack trace or SQL. */
@IntegrationTest
class ProblemDetailsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    ApiClient admin;

    @BeforeEach
    void login() {
        UserView user = testUsers.staff(Role.ADMIN);
        admin = new ApiClient(port);
        admin.login(user.username(), TestUsers.PASSWORD);
    }

    /** The patient registration has dates (the portal registration, which had a birth date, no longer has). */
    ApiClient frontOffice() {
        ApiClient desk = new ApiClient(port);
        desk.login(testUsers.staff(Role.ADMIN_STAFF).username(), TestUsers.PASSWORD);
        return desk;
    }

    @Test
    void malformed_json_is_400_malformed_request() {
        var r = admin.raw("POST", "/api/admin/users", "application/json", "{\"username\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.text("type")).isEqualTo("urn:cdss:problem:malformed-request");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void a_wrong_content_type_is_415() {
        var r = admin.raw("POST", "/api/admin/users", "text/plain", "username=x");
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.text("code")).isEqualTo("unsupported-media-type");
    }

    @Test
    void an_oversized_body_is_413() {
        String huge = "{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        var r = admin.raw("POST", "/api/admin/users", "application/json", huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text("code")).isEqualTo("payload-too-large");
    }

    @Test
    void an_unknown_field_is_400_with_its_pointer() {
        var r = admin.raw(
                "POST",
                "/api/me/password",
                "application/json",
                "{\"currentPassword\":\"a\",\"newPassword\":\"b\",\"isAdmin\":true}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("pointer").asString()).isEqualTo("/isAdmin");
    }

    @Test
    void validation_errors_name_each_field_in_the_requested_language() {
        var english = admin.raw("POST", "/api/admin/users", "application/json", "{}");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.text("code")).isEqualTo("validation");
        assertThat(english.json().path("errors").findValuesAsString("pointer"))
                .contains("/username", "/displayName", "/password", "/roles");
        assertThat(english.text("detail")).isEqualTo("Some fields are missing or invalid.");

        admin.language("ko");
        var korean = admin.raw("POST", "/api/admin/users", "application/json", "{}");
        assertThat(korean.text("detail")).isEqualTo("입력하지 않았거나 올바르지 않은 항목이 있습니다.");
        assertThat(korean.json().path("errors").get(0).path("message").asString())
                .matches(".*[가-힣].*");
    }

    @Test
    void an_invalid_date_or_id_is_a_field_error_not_a_500() {
        var badDate = frontOffice()
                .raw(
                        "POST",
                        "/api/patients",
                        "application/json",
                        "{\"name\":\"x\",\"birthDate\":\"2023-02-30\",\"sex\":\"F\"}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().path("errors").get(0).path("pointer").asString())
                .isEqualTo("/birthDate");
        var badId = admin.get("/api/admin/users/not-a-uuid");
        assertThat(badId.status()).isEqualTo(400);
    }

    /**
     * Valid ISO dates at the edge of Java's calendar overflow in the date arithmetic behind them; page numbers near
     * Integer.MAX_VALUE overflow into negative offsets; numbers longer than their columns: each is the request's fault
     * (400), none a 500.
     */
    @Test
    void dates_at_the_calendars_edge_far_pages_and_oversized_numbers_are_400_not_500() {
        ApiClient doctor = new ApiClient(port);
        doctor.login(testUsers.staff(Role.DOCTOR).username(), TestUsers.PASSWORD);
        ApiClient pharmacist = new ApiClient(port);
        pharmacist.login(testUsers.staff(Role.PHARMACIST).username(), TestUsers.PASSWORD);
        var patient = testUsers.patient("경계값환자");
        java.util.Map<String, ApiClient.Response> answers = new java.util.LinkedHashMap<>();
        answers.put("appointments", frontOffice().get("/api/appointments?date=%2B999999999-12-31"));
        answers.put("orders from", doctor.get("/api/ocs/orders?from=%2B1000000000-01-01T00:00:00Z"));
        answers.put("order statistics", doctor.get("/api/ocs/orders/statistics?to=-1000000000-01-01T00:00:00Z"));
        answers.put("timeline page", doctor.get("/api/patients/" + patient.id() + "/timeline?page=2147483647&size=20"));
        answers.put("feed page", doctor.get("/api/knowledge/feeds/items?page=2147483647"));
        answers.put(
                "dispense quantity",
                pharmacist.post(
                        "/api/ocs/orders/" + java.util.UUID.randomUUID() + "/complete",
                        java.util.Map.of("dispense", java.util.Map.of("quantity", new java.math.BigDecimal("1e12")))));
        answers.forEach((what, r) -> {
            assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
            assertThat(r.isProblem()).as(what).isTrue();
            assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("traceId");
        });
        assertThat(answers.get("dispense quantity")
                        .json()
                        .path("errors")
                        .get(0)
                        .path("pointer")
                        .asString())
                .isEqualTo("/dispense/quantity");
        assertThat(answers.get("feed page")
                        .json()
                        .path("errors")
                        .get(0)
                        .path("pointer")
                        .asString())
                .isEqualTo("/page");
    }

    @Test
    void a_future_birth_date_is_refused() {
        var r = frontOffice()
                .raw(
                        "POST",
                        "/api/patients",
                        "application/json",
                        "{\"name\":\"x\",\"birthDate\":\"2999-01-01\",\"sex\":\"F\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("pointer").asString()).isEqualTo("/birthDate");
    }

    @Test
    void an_unknown_api_path_is_404_problem_json() {
        var r = admin.get("/api/does-not-exist");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text("code")).isEqualTo("not-found");
    }

    @Test
    void an_unknown_id_is_404() {
        var r = admin.get("/api/admin/users/" + java.util.UUID.randomUUID());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void security_errors_default_to_korean_without_accept_language() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/me"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("로그인");
    }

    @Test
    void client_side_routes_serve_the_web_ui_but_missing_files_do_not() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                getClass().getResource("/static/index.html") != null,
                "web UI not built into this classpath (-Dskip.frontend)");
        var route = admin.get("/admin/users");
        assertThat(route.status()).isEqualTo(200);
        assertThat(route.body()).contains("<div id=\"root\">");
        var missingAsset = admin.get("/assets/missing-file.js");
        assertThat(missingAsset.status()).isEqualTo(404);
    }
}
