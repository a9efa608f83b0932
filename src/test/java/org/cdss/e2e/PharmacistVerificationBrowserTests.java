package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.regex.Pattern;
import org.cdss.support.ApiClient;
import org.cdss.support.OrderBodies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pharmacist verification (issue 15 item 5) in headless Chromium: an order sent over a hard stop is badged on the
 * pharmacy's worklist; the verification view shows the patient's allergies, medications and lab values (a high
 * potassium with its unit and reference range) beside it; the pharmacist
 * queries the prescriber, whose bell announces it (urgent); the prescriber opens it from the bell and answers; the
 * pharmacist sees the answer on the order. At desktop and phone (390 × 844) sizes, nothing scrolling sideways.
 */
class PharmacistVerificationBrowserTests extends DemoBrowserTest {

    @ParameterizedTest
    @EnumSource(
            value = Screen.class,
            names = {"DESKTOP", "PHONE"})
    void the_pharmacist_queries_the_prescriber_who_is_notified_and_answers(Screen screen) {
        ApiClient api = new ApiClient(port);
        api.login("doctor", PASSWORD);
        String name = screen == Screen.PHONE ? "검수여정폰" : "검수여정";
        var registered = api.post("/api/patients", Map.of("name", name, "birthDate", "1958-09-09", "sex", "M"));
        org.assertj.core.api.Assertions.assertThat(registered.status())
                .as(registered.body())
                .isEqualTo(201);
        String patient = registered.text("id");
        org.assertj.core.api.Assertions.assertThat(
                        api.post("/api/patients/" + patient + "/medications", Map.of("name", "Clarithromycin 500 mg"))
                                .status())
                .isEqualTo(201);
        org.assertj.core.api.Assertions.assertThat(api.post(
                                "/api/patients/" + patient + "/allergies",
                                Map.of("substance", "Penicillin", "severity", "SEVERE"))
                        .status())
                .isEqualTo(201);
        // a potassium result (high) the pharmacist should see with its value beside the medication order
        String lab = api.post(
                        "/api/ocs/orders",
                        Map.of(
                                "patientId",
                                patient,
                                "type",
                                "LAB_TEST",
                                "priority",
                                "ROUTINE",
                                "labTest",
                                Map.of("testCode", "K")))
                .json()
                .at("/order/id")
                .asString();
        org.assertj.core.api.Assertions.assertThat(
                        api.post("/api/ocs/orders/" + lab + "/send", Map.of()).status())
                .isEqualTo(200);
        ApiClient labTech = new ApiClient(port);
        labTech.login("labtech", PASSWORD);
        labTech.post("/api/ocs/orders/" + lab + "/start", Map.of());
        var completed = labTech.post(
                "/api/ocs/orders/" + lab + "/complete",
                Map.of("results", java.util.List.of(Map.of("testCode", "K", "value", 5.8))));
        org.assertj.core.api.Assertions.assertThat(completed.status())
                .as(completed.body())
                .isEqualTo(200);
        String orderId = api.post("/api/ocs/orders", OrderBodies.medication(patient, "DB00641", 20))
                .json()
                .at("/order/id")
                .asString();
        var sent = api.post(
                "/api/ocs/orders/" + orderId + "/send",
                Map.of("override", Map.of("reasonCode", "BENEFIT_OUTWEIGHS_RISK", "comment", "CK 추적 관찰")));
        org.assertj.core.api.Assertions.assertThat(sent.status())
                .as(sent.body())
                .isEqualTo(200);
        api.post("/api/notifications/read-all", null);

        Page doctor = screen.newPage(browser);
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();
        assertThat(doctor.getByTestId("live-status")).hasAttribute("data-status", "live");

        Page pharmacist = screen.newPage(browser);
        browser.login(pharmacist, "pharmacist", PASSWORD);
        assertThat(pharmacist.getByTestId("home-page")).isVisible();
        screen.nav(pharmacist, "nav-worklist");
        Locator row = pharmacist.locator("[data-testid='order-row'][data-order-id='" + orderId + "']");
        assertThat(row.getByTestId("order-overridden")).isVisible();
        screen.fits(pharmacist, "worklist");
        row.getByTestId("order-link").click();
        assertThat(pharmacist.getByTestId("verification-context")).isVisible();
        assertThat(pharmacist.getByTestId("verification-medications")).containsText("Clarithromycin");
        assertThat(pharmacist.getByTestId("verification-allergies")).containsText("Penicillin");
        // the lab value itself, with unit, reference range and flag (values matter for dosing), not just a name
        Locator potassium = pharmacist.locator("[data-testid='verification-lab'][data-test='K']");
        assertThat(potassium).containsText("칼륨");
        assertThat(potassium.getByTestId("verification-lab-value")).containsText("5.8");
        assertThat(potassium.getByTestId("verification-lab-value")).containsText("mmol/L");
        assertThat(potassium).containsText("3.5–5.1");
        assertThat(potassium.locator("[data-flag='HIGH']")).isVisible();
        assertThat(pharmacist.getByTestId("order-overrides")).containsText("CK");
        // the override says what it overrode in words: the interacting drugs by name, no rule code
        assertThat(pharmacist.getByTestId("override-what")).containsText("Simvastatin");
        assertThat(pharmacist.getByTestId("override-what")).containsText("Clarithromycin");
        assertThat(pharmacist.getByTestId("order-overrides")).not().containsText("DB00641");
        pharmacist.getByTestId("order-message-input").fill("CK 기저치 확인하셨나요?");
        pharmacist.getByTestId("order-message-send").click();
        assertThat(pharmacist.getByTestId("order-message")).hasCount(1);
        screen.fits(
                pharmacist,
                "verification",
                pharmacist.getByTestId("verification-context"),
                pharmacist.getByTestId("order-message-send"));
        Browser.screenshot(pharmacist, "pharmacist-verification" + screen.suffix());

        // the prescriber's bell announces the query (urgent), and opens the order
        assertThat(doctor.getByTestId("notification-count")).isVisible();
        doctor.getByTestId("notification-bell").click();
        Locator item = doctor.getByTestId("notification-item").first();
        screen.fits(doctor, "notifications", item);
        assertThat(item).hasAttribute("data-urgent", "true");
        item.click();
        doctor.waitForURL(Pattern.compile(".*/orders/" + orderId + "$"));
        assertThat(doctor.getByTestId("order-thread")).containsText("CK 기저치 확인하셨나요?");
        doctor.getByTestId("order-message-input").fill("네, 정상 범위입니다.");
        doctor.getByTestId("order-message-send").click();
        assertThat(doctor.getByTestId("order-message")).hasCount(2);
        screen.fits(
                doctor, "order thread", doctor.getByTestId("order-thread"), doctor.getByTestId("order-message-send"));

        pharmacist.reload();
        assertThat(pharmacist.getByTestId("order-message")).hasCount(2);
        assertThat(pharmacist.getByTestId("order-thread")).containsText("정상 범위");
        pharmacist.context().close();
        doctor.context().close();
    }
}
