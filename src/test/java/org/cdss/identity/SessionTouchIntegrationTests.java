package org.cdss.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.cdss.shared.security.Role;
import org.cdss.support.ApiClient;
import org.cdss.support.IntegrationTest;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16 (ADR 0043): a request that only moves a session's last-access time writes nothing to the session store;
 * a request that changes the session (logging out) still does. Fails when every request writes its session again
 * (Spring Session's default), which cost one commit per request.
 */
@IntegrationTest
class SessionTouchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void requests_within_the_touch_interval_leave_the_stored_session_as_it_was() throws Exception {
        String username = testUsers.staff(Role.DOCTOR).username();
        ApiClient api = new ApiClient(port);
        assertThat(api.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        long afterLogin = lastAccess(username);

        Thread.sleep(20); // a default store would now write a later last-access time on each request
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/me").status()).isEqualTo(200);
        }

        assertThat(lastAccess(username)).isEqualTo(afterLogin);
        assertThat(api.logout().status()).isBetween(200, 204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long lastAccess(String username) {
        return jdbc.sql("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }
}
