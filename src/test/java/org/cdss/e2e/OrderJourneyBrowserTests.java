package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.cdss.support.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * The OCS (issue 5) in headless Chromium: a doctor orders a drug that interacts with the patient's active
 * medication, overrides the alert and sends; the pharmacy's open worklist shows the order without a reload, verifies
 * and dispenses, and the doctor's order turns COMPLETED without a reload. A lab order gets a critical value that the
 * order detail flags.
 */
class OrderJourneyBrowserTests extends DemoBrowserTest {

    static final String SIMVASTATIN = "DB00641";

    private String patientId(ApiClient client, String name) {
        return client.get("/api/patients?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).json().path("content")
                .get(0).path("id").asString();
    }

    private static Locator row(Page page, String orderId) {
        return page.locator("[data-testid='order-row'][data-order-id='" + orderId + "']");
    }

    @Test
    void a_doctor_overrides_an_interaction_and_the_pharmacy_dispenses_live() {
        ApiClient api = new ApiClient(port);
        api.login("doctor", PASSWORD);
        String patient = patientId(api, "이철수");
        var recorded = api.post("/api/patients/" + patient + "/medications", Map.of("name", "Clarithromycin 500 mg"));
        org.assertj.core.api.Assertions.assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

        Page pharmacist = browser.newPage();
        browser.login(pharmacist, "pharmacist", PASSWORD);
        assertThat(pharmacist.getByTestId("home-page")).isVisible();
        pharmacist.getByTestId("nav-worklist").click();
        assertThat(pharmacist.getByTestId("worklist-page")).isVisible();
        assertThat(pharmacist.getByTestId("live-status")).hasAttribute("data-status", "live");

        Page doctor = browser.newPage();
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();
        doctor.navigate("/patients/" + patient);
        doctor.getByTestId("patient-new-order").click();
        assertThat(doctor.getByTestId("order-entry-page")).isVisible();
        doctor.getByTestId("order-type-MEDICATION").click();
        doctor.getByTestId("order-drug-search").fill("simvastatin");
        doctor.getByTestId("drug-option-" + SIMVASTATIN).click();
        assertThat(doctor.getByTestId("order-drug-selected")).containsText(SIMVASTATIN);
        doctor.getByTestId("order-dose").fill("20");
        doctor.getByTestId("order-duration").fill("14");
        doctor.getByTestId("order-quantity").fill("14");
        doctor.getByTestId("order-indication").fill("고지혈증");
        Browser.screenshot(doctor, "order-entry");
        doctor.getByTestId("order-create").click();
        assertThat(doctor.getByTestId("order-created")).isVisible();
        assertThat(doctor.getByTestId("severity-CONTRAINDICATED")).isVisible();
        doctor.getByTestId("order-send").click();
        assertThat(doctor.getByTestId("safety-alert-dialog")).isVisible();
        assertThat(doctor.getByTestId("safety-alert-dialog")).containsText("Clarithromycin");
        doctor.getByTestId("override-reason").selectOption("BENEFIT_OUTWEIGHS_RISK");
        doctor.getByTestId("override-comment").fill("단기 투여, CK 추적 관찰");
        Browser.screenshot(doctor, "order-override-dialog");
        doctor.getByTestId("override-confirm").click();
        doctor.waitForURL(Pattern.compile(".*/orders/[0-9a-f-]{36}$"));
        String orderId = doctor.url().substring(doctor.url().lastIndexOf('/') + 1);
        assertThat(doctor.getByTestId("order-detail-status")).hasAttribute("data-status", "SENT");
        assertThat(doctor.getByTestId("order-overrides")).containsText("CK");

        // the pharmacy's worklist was open all along: the push brings the order in without a reload
        assertThat(row(pharmacist, orderId)).isVisible();
        assertThat(row(pharmacist, orderId)).containsText("Simvastatin");
        Browser.screenshot(pharmacist, "order-worklist-pharmacy");
        row(pharmacist, orderId).getByTestId("worklist-start").click();
        assertThat(row(pharmacist, orderId)).hasAttribute("data-status", "IN_PROGRESS");
        row(pharmacist, orderId).getByTestId("worklist-complete").click();
        assertThat(pharmacist.getByTestId("dispense-form")).isVisible();
        pharmacist.getByTestId("dispense-quantity").fill("14");
        pharmacist.getByTestId("dispense-note").fill("블리스터 포장");
        pharmacist.getByTestId("complete-submit").click();
        assertThat(pharmacist.getByTestId("order-detail-status")).hasAttribute("data-status", "COMPLETED");
        assertThat(pharmacist.getByTestId("order-dispenses")).containsText("14");

        // the doctor's detail page was not reloaded either
        assertThat(doctor.getByTestId("order-detail-status")).hasAttribute("data-status", "COMPLETED");
        assertThat(doctor.getByTestId("order-timeline").getByTestId("timeline-step")).hasCount(4);
        Browser.screenshot(doctor, "order-detail-completed");
        // the bell: the completion arrives through the outbox and the push channel, without a reload (the 1 s bound
        // from commit to push is asserted at the API level in NotificationIntegrationTests; a browser on this
        // shared 2-core machine gets a little more)
        String orderNumber = doctor.getByTestId("order-detail-number").innerText().trim();
        assertThat(doctor.getByTestId("notification-count"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(3000));
        doctor.getByTestId("notification-bell").click();
        assertThat(doctor.getByTestId("notification-item").filter(new Locator.FilterOptions()
                .setHasText(orderNumber)).first()).containsText("완료");
        Browser.screenshot(doctor, "order-bell-completed");
        doctor.keyboard().press("Escape");
        doctor.getByTestId("nav-orders").click();
        assertThat(row(doctor, orderId)).hasAttribute("data-status", "COMPLETED");
        Browser.screenshot(doctor, "order-my-orders");
        doctor.context().close();
        pharmacist.context().close();
    }

    @Test
    void a_critical_lab_value_is_flagged_on_the_order() {
        ApiClient api = new ApiClient(port);
        api.login("doctor", PASSWORD);
        String patient = patientId(api, "이철수");
        var created = api.post("/api/ocs/orders", Map.of("patientId", patient, "type", "LAB_TEST", "priority", "STAT",
                "labTest", Map.of("testCode", "CBC")));
        org.assertj.core.api.Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().at("/order/id").asString();
        org.assertj.core.api.Assertions.assertThat(api.post("/api/ocs/orders/" + orderId + "/send", Map.of())
                .status()).isEqualTo(200);

        Page lab = browser.newPage();
        browser.login(lab, "labtech", PASSWORD);
        assertThat(lab.getByTestId("home-page")).isVisible();
        lab.getByTestId("nav-worklist").click();
        assertThat(row(lab, orderId)).isVisible();
        row(lab, orderId).getByTestId("worklist-start").click();
        assertThat(row(lab, orderId)).hasAttribute("data-status", "IN_PROGRESS");
        row(lab, orderId).getByTestId("worklist-complete").click();
        assertThat(lab.getByTestId("lab-result-form")).isVisible();
        lab.getByTestId("lab-value-WBC").fill("7.2");
        lab.getByTestId("lab-value-HGB").fill("6.0");
        assertThat(lab.getByTestId("lab-flag-HGB")).hasAttribute("data-flag", "CRITICAL_LOW");
        assertThat(lab.getByTestId("lab-flag-WBC")).hasAttribute("data-flag", "NORMAL");
        Browser.screenshot(lab, "order-lab-entry");
        lab.getByTestId("complete-submit").click();
        assertThat(lab.getByTestId("order-detail-status")).hasAttribute("data-status", "COMPLETED");
        lab.context().close();

        Page doctor = browser.newPage();
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();
        doctor.navigate("/orders/" + orderId);
        assertThat(doctor.getByTestId("result-HGB")).hasAttribute("data-flag", "CRITICAL_LOW");
        assertThat(doctor.getByTestId("result-WBC")).hasAttribute("data-flag", "NORMAL");
        String orderNumber = created.json().at("/order/orderNumber").asString();
        doctor.getByTestId("notification-bell").click();
        Locator critical = doctor.getByTestId("notification-item").filter(new Locator.FilterOptions()
                .setHasText(orderNumber)).filter(new Locator.FilterOptions().setHasText("위험"));
        assertThat(critical.first()).hasAttribute("data-urgent", "true");
        Browser.screenshot(doctor, "order-lab-critical");
        doctor.context().close();
    }
}
