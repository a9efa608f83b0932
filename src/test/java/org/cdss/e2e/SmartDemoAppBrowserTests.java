package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

/**
 * The demo SMART app (demo mode, ADR 0050) in headless Chromium, as a person tries it after {@code ./cdss run}: the
 * app's page sends the browser to the CDSS login, the demo doctor signs in, approves on the consent page — a real
 * form post whose redirect to the app the page's CSP {@code form-action} must allow — and the app, back with the code,
 * gets a token and lists the patients it read from {@code /fhir}. Denying instead brings {@code access_denied} to the
 * app. The app is opened on 127.0.0.1 (the loopback address registered for it; the port may vary).
 */
class SmartDemoAppBrowserTests extends DemoBrowserTest {

    private String app() {
        return "http://127.0.0.1:" + port + "/smart-demo/index.html";
    }

    /** The app's connect button → the CDSS login → signed in as the demo doctor → on the consent page. */
    private static void connectAndSignInAsDoctor(Page page) {
        page.getByTestId("smart-launch").click();
        page.waitForURL("**/login?next=**");
        page.locator("#username").fill("doctor");
        page.locator("#password").fill(PASSWORD);
        page.getByTestId("login-submit").click();
        page.waitForURL("**/oauth2/consent?**");
    }

    @Test
    void the_demo_doctor_approves_and_the_app_lists_patients_read_from_fhir() {
        Page page = browser.newPage();
        Response opened = page.navigate(app());
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.headers().get("content-security-policy")).contains("script-src 'self'");
        assertThat(page.getByTestId("smart-launch")).hasText("CDSS로 연결");

        connectAndSignInAsDoctor(page);
        assertThat(page.locator("h1")).hasText("앱 접근 승인");
        assertThat(page.getByTestId("consent-app")).containsText("CDSS SMART 데모 앱");
        assertThat(page.getByTestId("consent-app")).containsText("doctor");
        assertThat(page.locator("code").allTextContents()).contains("user/Patient.rs", "user/Observation.rs");
        Browser.screenshot(page, "smart-demo-consent-ko");
        page.getByTestId("consent-approve").click();

        page.waitForURL(url -> url.startsWith(app()));
        assertThat(page.getByTestId("smart-patients")).isVisible();
        assertThat(page.getByTestId("smart-patients").locator("tbody tr").count())
                .isPositive();
        assertThat(page.getByTestId("smart-patients")).containsText("홍길동");
        assertThat(page.getByTestId("smart-scope")).containsText("user/Patient.rs");
        // the code is gone from the address bar (and from the server: it was redeemed)
        assertThat(page.url()).doesNotContain("code=");
        Browser.screenshot(page, "smart-demo-patients");
    }

    @Test
    void denying_on_the_english_consent_page_brings_access_denied_to_the_app() {
        Page page = browser.newPage("en-US");
        page.navigate(app());
        assertThat(page.getByTestId("smart-launch")).hasText("Connect to CDSS");
        connectAndSignInAsDoctor(page);
        assertThat(page.locator("h1")).hasText("Approve app access");
        assertThat(page.getByTestId("consent-app")).containsText("CDSS SMART demo app");
        page.getByTestId("consent-deny").click();

        page.waitForURL(url -> url.startsWith(app()));
        assertThat(page.getByTestId("smart-status")).containsText("access_denied");
        assertThat(page.getByTestId("smart-patients")).isHidden();
        Browser.screenshot(page, "smart-demo-denied-en");
    }
}
