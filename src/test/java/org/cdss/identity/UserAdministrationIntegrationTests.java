package org.cdss.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class UserAdministrationIntegrationTests {

    static final String PULMONOLOGY = "0d1f0000-0000-4000-8000-000000000002";
    static final String SURGERY = "0d1f0000-0000-4000-8000-000000000003";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    IdentityQueries identity;

    ApiClient admin;

    @BeforeEach
    void loginAsAdmin() {
        UserView adminUser = testUsers.staff(Role.ADMIN);
        admin = new ApiClient(port);
        assertThat(admin.login(adminUser.username(), TestUsers.PASSWORD).status())
                .isEqualTo(200);
    }

    /** The names shown on orders, notes and timelines: a staff member's as their account has it; never a patient's. */
    @Test
    void a_staff_name_is_the_accounts_display_name_and_a_patient_account_has_none() {
        UserView nurse = testUsers.staffNamed(Role.NURSE, "간호사 이름읽기", java.util.UUID.fromString(PULMONOLOGY));
        UserView patient = testUsers.patientAccount(testUsers.patient("환자 이름읽기"));

        assertThat(identity.staffName(nurse.id())).contains("간호사 이름읽기");
        assertThat(identity.staffName(nurse.id()))
                .isEqualTo(identity.staffMember(nurse.id()).map(StaffMember::displayName));
        assertThat(identity.staffName(patient.id())).isEmpty();
        assertThat(identity.staffMember(patient.id())).isEmpty();
        assertThat(identity.staffName(java.util.UUID.randomUUID())).isEmpty();
    }

    Map<String, Object> newUser(String username, String displayName) {
        return Map.of(
                "username",
                username,
                "displayName",
                displayName,
                "password",
                "a-long-enough-passphrase",
                "roles",
                List.of("DOCTOR"),
                "departmentIds",
                List.of(PULMONOLOGY));
    }

    @Test
    void an_admin_creates_edits_and_deactivates_a_user() {
        String username = TestUsers.uniqueName("drnew");
        var created = admin.post("/api/admin/users", newUser(username, "새 의사"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        long version = created.json().path("version").asLong();

        var updated = admin.put(
                "/api/admin/users/" + id,
                Map.of(
                        "displayName",
                        "새 의사 (외과)",
                        "roles",
                        List.of("DOCTOR", "NURSE"),
                        "departmentIds",
                        List.of(SURGERY),
                        "version",
                        version));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("roles").size()).isEqualTo(2);
        assertThat(updated.json().path("departments").get(0).path("code").asString())
                .isEqualTo("SURGERY");

        var found = admin.get("/api/admin/users?q=" + username + "&role=NURSE");
        assertThat(found.json().path("page").path("totalElements").asLong()).isEqualTo(1);

        var deactivated = admin.post("/api/admin/users/" + id + "/deactivate", null);
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        var inactiveOnly = admin.get("/api/admin/users?q=" + username + "&active=false");
        assertThat(inactiveOnly.json().path("content").size()).isEqualTo(1);
    }

    @Test
    void an_edit_based_on_a_stale_version_is_a_409_and_loses_nothing() {
        var created = admin.post("/api/admin/users", newUser(TestUsers.uniqueName("stale"), "Original"));
        String id = created.text("id");
        long version = created.json().path("version").asLong();
        var first = admin.put(
                "/api/admin/users/" + id,
                Map.of(
                        "displayName",
                        "First edit",
                        "roles",
                        List.of("DOCTOR"),
                        "departmentIds",
                        List.of(),
                        "version",
                        version));
        assertThat(first.status()).isEqualTo(200);

        var second = admin.put(
                "/api/admin/users/" + id,
                Map.of(
                        "displayName",
                        "Second edit",
                        "roles",
                        List.of("DOCTOR"),
                        "departmentIds",
                        List.of(),
                        "version",
                        version));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("code")).isEqualTo("stale-version");
        assertThat(admin.get("/api/admin/users/" + id).text("displayName")).isEqualTo("First edit");
    }

    @Test
    void a_password_reset_applies_the_policy_and_lets_the_user_in_with_the_new_password() {
        UserView nurse = testUsers.staff(Role.NURSE);
        var weak =
                admin.post("/api/admin/users/" + nurse.id() + "/reset-password", Map.of("newPassword", "password123"));
        assertThat(weak.status()).isEqualTo(422);
        var ok = admin.post(
                "/api/admin/users/" + nurse.id() + "/reset-password", Map.of("newPassword", "reset-by-the-admin-2026"));
        assertThat(ok.status()).isEqualTo(204);
        assertThat(new ApiClient(port)
                        .login(nurse.username(), "reset-by-the-admin-2026")
                        .status())
                .isEqualTo(200);
        assertThat(new ApiClient(port)
                        .login(nurse.username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void a_duplicate_username_is_409_with_the_field_named() {
        String username = TestUsers.uniqueName("dup");
        admin.post("/api/admin/users", newUser(username, "One"));
        var again = admin.post("/api/admin/users", newUser(username.toUpperCase(), "Two"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("identity.username-taken");
        assertThat(again.json().path("errors").get(0).path("pointer").asString())
                .isEqualTo("/username");
    }

    @Test
    void a_patient_role_cannot_be_mixed_with_staff_roles() {
        var patient = testUsers.patient("혼합");
        var mixed = admin.post(
                "/api/admin/users",
                Map.of(
                        "username",
                        TestUsers.uniqueName("mix"),
                        "displayName",
                        "Mixed",
                        "password",
                        "a-long-enough-passphrase",
                        "roles",
                        List.of("PATIENT", "DOCTOR"),
                        "patientId",
                        patient.id().toString()));
        assertThat(mixed.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"<script>alert('x')</script>", "Robert'); DROP TABLE app_user;--", "홍길동 👩‍⚕️", "\" OR 1=1 --"})
    void hostile_and_korean_text_is_stored_and_returned_verbatim(String displayName) {
        var created = admin.post("/api/admin/users", newUser(TestUsers.uniqueName("txt"), displayName));
        assertThat(created.status()).isEqualTo(201);
        assertThat(admin.get("/api/admin/users/" + created.text("id")).text("displayName"))
                .isEqualTo(displayName);
        assertThat(admin.get("/api/admin/users?size=1").status()).isEqualTo(200);
    }

    @Test
    void a_ten_thousand_character_name_is_refused_with_a_field_error() {
        var response = admin.post("/api/admin/users", newUser(TestUsers.uniqueName("long"), "가".repeat(10_000)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("pointer").asString())
                .isEqualTo("/displayName");
    }

    @Test
    void an_admin_cannot_deactivate_themselves() {
        String me = admin.get("/api/me").text("id");
        var response = admin.post("/api/admin/users/" + me + "/deactivate", null);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("identity.cannot-deactivate-self");
        assertThat(admin.get("/api/me").status()).isEqualTo(200);
    }
}
