package org.cdss.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.cdss.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Demo mode (the embedded default, plain http on localhost) without {@code CDSS_COOKIE_SECURE}: cookies are not
 * {@code Secure} and there is no HSTS, so logging in over http keeps working.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cdss.mode=demo",
            "cdss.demo.password=" + HttpsDefaultsDemoIntegrationTests.PASSWORD,
            "cdss.cookies.secure="
        })
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class HttpsDefaultsDemoIntegrationTests {

    static final String PASSWORD = "https-demo-pass-2026";

    @LocalServerPort
    int port;

    @Test
    void demo_mode_over_plain_http_sends_no_secure_cookies_and_no_hsts() throws Exception {
        HttpsDefaults seen = HttpsDefaults.observe(port, "doctor", PASSWORD);

        assertThat(HttpsDefaults.isSecure(seen.cookie("XSRF-TOKEN")))
                .as(seen.cookie("XSRF-TOKEN"))
                .isFalse();
        assertThat(HttpsDefaults.isSecure(seen.cookie("CDSS_SESSION")))
                .as(seen.cookie("CDSS_SESSION"))
                .isFalse();
        assertThat(seen.hsts()).isEmpty();
    }
}
