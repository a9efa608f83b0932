package org.cdss.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.cdss.shared.security.Role;
import org.cdss.support.TestDatabase;
import org.cdss.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Production mode without {@code CDSS_COOKIE_SECURE}: the session and CSRF cookies are {@code Secure} and every answer
 * carries HSTS (issue 10 item 5). The other tests run with {@code cdss.cookies.secure=false}, as a deployment without
 * TLS would; here that setting is left empty, as an operator who sets nothing leaves it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cdss.mode=production", "cdss.cookies.secure="})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class HttpsDefaultsProductionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Test
    void production_mode_sends_secure_cookies_and_hsts_by_default() throws Exception {
        String username = testUsers.staff(Role.DOCTOR).username();

        HttpsDefaults seen = HttpsDefaults.observe(port, username, TestUsers.PASSWORD);

        assertThat(HttpsDefaults.isSecure(seen.cookie("XSRF-TOKEN")))
                .as(seen.cookie("XSRF-TOKEN"))
                .isTrue();
        assertThat(HttpsDefaults.isSecure(seen.cookie("CDSS_SESSION")))
                .as(seen.cookie("CDSS_SESSION"))
                .isTrue();
        assertThat(seen.cookie("CDSS_SESSION")).containsIgnoringCase("HttpOnly");
        assertThat(seen.hsts()).hasValueSatisfying(h -> assertThat(h).contains("max-age=31536000"));
    }

    @Test
    void an_explicit_setting_wins_over_the_mode() {
        assertThat(SecurityConfiguration.servedOverHttps("false", "production")).isFalse();
        assertThat(SecurityConfiguration.servedOverHttps("true", "demo")).isTrue();
        assertThat(SecurityConfiguration.servedOverHttps("", "production")).isTrue();
        assertThat(SecurityConfiguration.servedOverHttps(null, "demo")).isFalse();
    }
}
