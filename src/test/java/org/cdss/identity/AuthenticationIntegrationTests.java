package org.cdss.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuthenticationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    ApiClient client() {
        return new ApiClient(port);
    }

    @Test
    void login_returns_the_user_and_opens_a_session_that_me_recognises() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        ApiClient api = client();

        var login = api.login(doctor.username(), TestUsers.PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("roles").get(0).asString()).isEqualTo("DOCTOR");
        var me = api.get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo(doctor.username());
        // issue 15 item 6: the UI takes the hospital's zone (cdss.zone / CDSS_ZONE) from here, not a hard-coded Seoul
        assertThat(me.text("timeZone")).isEqualTo("Asia/Seoul");
    }

    @Test
    void me_without_a_session_is_401_problem_json() {
        var me = client().get("/api/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.isProblem()).isTrue();
        assertThat(me.text("type")).isEqualTo("urn:cdss:problem:unauthenticated");
    }

    @Test
    void login_without_the_csrf_token_is_refused() {
        UserView nurse = testUsers.staff(Role.NURSE);
        ApiClient api = client();
        var response = api.raw(
                "POST",
                "/api/auth/login",
                "application/json",
                "{\"username\":\"" + nurse.username() + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text("code")).isEqualTo("csrf");
        assertThat(api.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void a_wrong_csrf_token_is_refused_even_with_a_valid_session() {
        UserView nurse = testUsers.staff(Role.NURSE);
        ApiClient api = client();
        api.login(nurse.username(), TestUsers.PASSWORD);
        api.forgeCsrfHeader("forged-token");
        var response = api.post(
                "/api/me/password",
                Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "another-long-passphrase"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text("code")).isEqualTo("csrf");
    }

    @Test
    void the_session_id_and_csrf_token_change_at_login() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        ApiClient api = client();
        api.login(doctor.username(), TestUsers.PASSWORD);
        String firstSession = api.cookie("CDSS_SESSION").orElseThrow();
        String firstToken = api.cookie("XSRF-TOKEN").orElseThrow();

        var again = api.login(doctor.username(), TestUsers.PASSWORD);

        assertThat(again.status()).isEqualTo(200);
        assertThat(api.cookie("CDSS_SESSION").orElseThrow()).isNotEqualTo(firstSession);
        assertThat(api.cookie("XSRF-TOKEN").orElseThrow()).isNotEqualTo(firstToken);
        assertThat(api.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        var http = java.net.http.HttpClient.newHttpClient();
        ApiClient api = client();
        api.ensureCsrf();
        String token = api.cookie("XSRF-TOKEN").orElseThrow();
        try {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", token)
                    .header("Cookie", "XSRF-TOKEN=" + token)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + doctor.username() + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}"))
                    .build();
            var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            String setCookie = String.join("\n", response.headers().allValues("Set-Cookie"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(setCookie).containsPattern("CDSS_SESSION=[^;]+;.*HttpOnly");
            assertThat(setCookie).containsPattern("CDSS_SESSION=[^;]+;.*SameSite=Lax");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void wrong_password_is_401_and_audited() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        var response = client().login(doctor.username(), "not-the-password");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("code")).isEqualTo("bad-credentials");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE username = ? AND action = 'LOGIN_FAILED'")
                        .param(doctor.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void five_wrong_passwords_lock_the_account_even_against_the_right_password() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        ApiClient api = client();
        for (int i = 1; i <= 4; i++) {
            assertThat(api.login(doctor.username(), "wrong-password-" + i).status())
                    .isEqualTo(401);
        }
        var fifth = api.login(doctor.username(), "wrong-password-5");
        assertThat(fifth.status()).isEqualTo(423);
        assertThat(fifth.text("code")).isEqualTo("account-locked");

        var right = api.login(doctor.username(), TestUsers.PASSWORD);
        assertThat(right.status()).isEqualTo(423);
        assertThat(api.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void an_admin_unlocks_a_locked_account() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        UserView admin = testUsers.staff(Role.ADMIN);
        for (int i = 0; i < 5; i++) {
            client().login(doctor.username(), "wrong-password-" + i);
        }
        ApiClient adminApi = client();
        adminApi.login(admin.username(), TestUsers.PASSWORD);
        var unlocked = adminApi.post("/api/admin/users/" + doctor.id() + "/unlock", null);
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.json().path("locked").asBoolean()).isFalse();
        assertThat(client().login(doctor.username(), TestUsers.PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void logout_ends_the_session() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        ApiClient api = client();
        api.login(doctor.username(), TestUsers.PASSWORD);
        String session = api.cookie("CDSS_SESSION").orElseThrow();

        assertThat(api.logout().status()).isEqualTo(204);

        ApiClient replay = client();
        replay.setCookie("CDSS_SESSION", session);
        assertThat(replay.get("/api/me").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE username = ? AND action = 'LOGOUT'")
                        .param(doctor.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_tampered_session_cookie_is_not_a_session() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        ApiClient api = client();
        api.login(doctor.username(), TestUsers.PASSWORD);
        String session = api.cookie("CDSS_SESSION").orElseThrow();
        api.setCookie("CDSS_SESSION", session.substring(0, session.length() - 4) + "AAAA");
        var me = api.get("/api/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.isProblem()).isTrue();
    }

    @Test
    void an_expired_session_is_401() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        ApiClient api = client();
        api.login(doctor.username(), TestUsers.PASSWORD);
        jdbc.sql("UPDATE SPRING_SESSION SET EXPIRY_TIME = 0, LAST_ACCESS_TIME = 0 WHERE PRINCIPAL_NAME = ?")
                .param(doctor.username())
                .update();
        assertThat(api.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void a_deactivated_user_cannot_log_in_and_loses_open_sessions() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        UserView admin = testUsers.staff(Role.ADMIN);
        ApiClient doctorApi = client();
        doctorApi.login(doctor.username(), TestUsers.PASSWORD);
        ApiClient adminApi = client();
        adminApi.login(admin.username(), TestUsers.PASSWORD);

        assertThat(adminApi.post("/api/admin/users/" + doctor.id() + "/deactivate", null)
                        .status())
                .isEqualTo(200);

        assertThat(doctorApi.get("/api/me").status()).isEqualTo(401);
        var again = client().login(doctor.username(), TestUsers.PASSWORD);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.text("code")).isEqualTo("account-disabled");
    }

    @Test
    void password_change_enforces_the_policy_and_the_current_password() {
        UserView nurse = testUsers.staff(Role.NURSE);
        ApiClient api = client();
        api.login(nurse.username(), TestUsers.PASSWORD);

        var wrongCurrent = api.post(
                "/api/me/password",
                Map.of("currentPassword", "nope-nope-nope", "newPassword", "a-brand-new-passphrase"));
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.text("code")).isEqualTo("identity.password-current-wrong");
        assertThat(wrongCurrent.json().path("errors").get(0).path("pointer").asString())
                .isEqualTo("/currentPassword");
        var tooShort =
                api.post("/api/me/password", Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "short"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.json().path("errors").get(0).path("pointer").asString())
                .isEqualTo("/newPassword");
        var ok = api.post(
                "/api/me/password",
                Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "a-brand-new-passphrase"));
        assertThat(ok.status()).isEqualTo(204);
        assertThat(client().login(nurse.username(), "a-brand-new-passphrase").status())
                .isEqualTo(200);
    }

    /**
     * Wrong current passwords count toward the lockout as wrong logins do: a session left open cannot be used to try
     * passwords without limit (the answer tells a right guess from a wrong one). Once locked, even the right password
     * changes nothing, and the account's login is locked too.
     */
    @Test
    void wrong_current_passwords_lock_the_account_as_wrong_logins_do() {
        UserView nurse = testUsers.staff(Role.NURSE);
        ApiClient api = client();
        api.login(nurse.username(), TestUsers.PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(api.post(
                                    "/api/me/password",
                                    Map.of(
                                            "currentPassword",
                                            "guess-" + i + "-wrong",
                                            "newPassword",
                                            "a-brand-new-passphrase"))
                            .status())
                    .isEqualTo(400);
        }
        var right = api.post(
                "/api/me/password",
                Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "a-brand-new-passphrase"));
        assertThat(right.status()).as(right.body()).isEqualTo(423);
        assertThat(right.text("code")).isEqualTo("account-locked");
        assertThat(client().login(nurse.username(), TestUsers.PASSWORD).status())
                .isEqualTo(423);
    }

    @Test
    void changing_your_own_password_ends_your_other_sessions_and_keeps_this_one_under_a_new_id() {
        UserView nurse = testUsers.staff(Role.NURSE);
        ApiClient here = client();
        here.login(nurse.username(), TestUsers.PASSWORD);
        ApiClient elsewhere = client();
        elsewhere.login(nurse.username(), TestUsers.PASSWORD);
        UserView other = testUsers.staff(Role.NURSE);
        ApiClient someoneElse = client();
        someoneElse.login(other.username(), TestUsers.PASSWORD);
        String before = here.cookie("CDSS_SESSION").orElseThrow();
        assertThat(elsewhere.get("/api/me").status()).isEqualTo(200);

        var changed = here.post(
                "/api/me/password",
                Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "a-brand-new-passphrase"));

        assertThat(changed.status()).isEqualTo(204);
        assertThat(elsewhere.get("/api/me").status()).isEqualTo(401);
        assertThat(here.get("/api/me").status()).isEqualTo(200);
        assertThat(here.cookie("CDSS_SESSION").orElseThrow()).isNotEqualTo(before);
        ApiClient replay = client();
        replay.setCookie("CDSS_SESSION", before);
        assertThat(replay.get("/api/me").status()).isEqualTo(401);
        assertThat(someoneElse.get("/api/me").status()).isEqualTo(200);
    }
}
