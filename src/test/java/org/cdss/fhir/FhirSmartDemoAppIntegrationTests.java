package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.cdss.support.ApiClient;
import org.cdss.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Demo mode's SMART app (ADR 0050) over HTTP, without a browser (the Chromium journey is
 * {@code SmartDemoAppBrowserTests}): its page and script are served under CDSS's CSP (scripts from 'self' only), its
 * client {@code cdss-smart-demo} is registered for the loopback address on any port, and the demo doctor's launch
 * gives a token that reads patients from /fhir. Outside demo mode neither exists
 * ({@link FhirSmartCodeRedemptionIntegrationTests}). The same context as {@code HttpsDefaultsDemoIntegrationTests}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cdss.mode=demo",
            "cdss.demo.password=" + FhirSmartDemoAppIntegrationTests.PASSWORD,
            "cdss.cookies.secure="
        })
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class FhirSmartDemoAppIntegrationTests {

    static final String PASSWORD = "https-demo-pass-2026";

    @LocalServerPort
    int port;

    @Test
    void the_demo_app_is_served_under_the_csp_and_its_launch_reads_patients() {
        ApiClient anonymous = new ApiClient(port);
        HttpResponse<String> page = anonymous.browse("/smart-demo/index.html", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"app.js\"").doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'")
                .doesNotContain("'unsafe-inline'; style")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        HttpResponse<String> script = anonymous.browse("/smart-demo/app.js", null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("code_challenge_method: 'S256'", "cdss-smart-demo");
        assertThat(anonymous
                        .browse("/smart-demo/", null)
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/smart-demo/index.html");

        ApiClient browser = new ApiClient(port);
        assertThat(browser.login("doctor", PASSWORD).status()).isEqualTo(200);
        SmartAppLaunch app =
                new SmartAppLaunch(port, "cdss-smart-demo", "http://127.0.0.1:" + port + "/smart-demo/index.html");
        HttpResponse<String> consent = app.toConsent(browser, "user/Patient.rs user/Observation.rs");
        assertThat(consent.body()).contains("CDSS SMART 데모 앱");
        // the loopback redirect URI may be on any port: so may the consent form's redirect
        assertThat(consent.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("form-action 'self' http://127.0.0.1:*;");
        String token = app.accessToken(browser, "user/Patient.rs user/Observation.rs", null);
        ApiClient.Response patients = new ApiClient(port).bearer(token).get("/fhir/Patient?_count=10");
        assertThat(patients.status()).as(patients.body()).isEqualTo(200);
        assertThat(patients.body()).contains("홍길동");
        // a redirect URI elsewhere on the loopback address is not the app's
        HttpResponse<String> elsewhere = browser.browse(
                new SmartAppLaunch(port, "cdss-smart-demo", "http://127.0.0.1:" + port + "/other")
                        .authorizeUrl("user/Patient.rs"),
                null);
        assertThat(elsewhere.statusCode()).isEqualTo(400);
    }
}
