package org.cdss.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.cdss.identity.UserView;
import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An open live stream outlives the session it was opened with: the push channel re-checks the account behind it
 * ({@code cdss.push.access-recheck}, one second in tests) and ends the stream when access is revoked (issue 10
 * item 4b), while a colleague's stream stays open.
 */
@IntegrationTest
class PushAccessRecheckIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    ApiClient login(UserView user) {
        ApiClient api = new ApiClient(port);
        assertThat(api.login(user.username(), TestUsers.PASSWORD).status()).isEqualTo(200);
        return api;
    }

    record Open(List<String> lines, AtomicBoolean ended, java.util.stream.Stream<String> stream) {}

    Open open(ApiClient api) {
        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        var stream = api.stream("/api/notifications/stream");
        Thread.ofVirtual().start(() -> {
            try {
                stream.forEach(lines::add);
                ended.set(true); // the server ended the stream
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the test closed the stream
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:ready"));
        return new Open(lines, ended, stream);
    }

    @Test
    void deactivating_an_account_ends_its_open_stream() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        UserView colleague = testUsers.staff(Role.DOCTOR);
        ApiClient admin = login(testUsers.staff(Role.ADMIN));
        Open doctors = open(login(doctor));
        Open colleagues = open(login(colleague));

        assertThat(admin.post("/api/admin/users/" + doctor.id() + "/deactivate", null)
                        .status())
                .isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(15)).untilTrue(doctors.ended());
        assertThat(colleagues.ended()).isFalse();
        colleagues.stream().close();
    }

    @Test
    void a_change_of_roles_ends_the_open_stream() {
        UserView nurse = testUsers.staff(Role.NURSE);
        ApiClient admin = login(testUsers.staff(Role.ADMIN));
        Open nurses = open(login(nurse));

        var current = admin.get("/api/admin/users/" + nurse.id()).json();
        var changed = admin.put(
                "/api/admin/users/" + nurse.id(),
                Map.of(
                        "displayName",
                        "Nurse",
                        "roles",
                        Set.of("ADMIN_STAFF"),
                        "departmentIds",
                        Set.of(),
                        "version",
                        current.path("version").asLong()));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(15)).untilTrue(nurses.ended());
    }

    /**
     * A password change ends every other session of the account, and with them the streams opened before it (a
     * stolen session's stream must not keep receiving): the stream of another session ends too.
     */
    @Test
    void a_password_change_ends_the_streams_opened_before_it() {
        UserView doctor = testUsers.staff(Role.DOCTOR);
        ApiClient elsewhere = login(doctor);
        Open stolen = open(elsewhere);
        ApiClient own = login(doctor);

        var changed = own.post(
                "/api/me/password",
                Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "Changed-passw0rd-2026!"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);

        Awaitility.await().atMost(Duration.ofSeconds(15)).untilTrue(stolen.ended());
    }
}
