package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Clinical journeys in headless Chromium on the demo data: the front desk books an appointment that the patient
 * then sees in the portal; a doctor checks a contraindicated combination.
 */
class ClinicJourneyBrowserTests extends DemoBrowserTest {

    static final String PULMONOLOGY = "0d1f0000-0000-4000-8000-000000000002";

    @Test
    void the_front_desk_books_and_the_patient_sees_the_appointment_in_the_portal() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(1).toString();
        Page desk = browser.newPage();
        browser.login(desk, "frontdesk", PASSWORD);
        assertThat(desk.getByTestId("home-page")).isVisible();
        desk.getByTestId("nav-appointments").click();
        assertThat(desk.getByTestId("appointments-page")).isVisible();
        desk.getByTestId("book-appointment").click();
        desk.getByTestId("book-patient-search").fill("홍길동");
        desk.getByTestId("book-patient-search-submit").click();
        desk.locator("[data-testid^='patient-option-']").first().click();
        desk.getByTestId("book-department").selectOption(PULMONOLOGY);
        desk.locator("#book-doctor option")
                .nth(1)
                .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        desk.getByTestId("book-doctor").selectOption(new SelectOption().setIndex(1));
        desk.getByTestId("book-date").fill(tomorrow);
        assertThat(desk.getByTestId("slot-09:00")).hasCount(0); // taken by the demo data
        desk.getByTestId("slot-11:00").click();
        desk.getByTestId("book-reason").fill("호흡곤란");
        Browser.screenshot(desk, "booking-dialog");
        desk.getByTestId("book-submit").click();
        assertThat(desk.getByTestId("booking-form")).hasCount(0);
        desk.getByTestId("appointments-date").fill(tomorrow);
        assertThat(desk.getByTestId("appointments-page")).containsText("홍길동");
        assertThat(desk.getByTestId("appointments-page")).containsText("11:00");
        Browser.screenshot(desk, "appointments-day");
        desk.context().close();

        Page portal = browser.newPage();
        browser.login(portal, "patient", PASSWORD);
        assertThat(portal.getByTestId("home-page")).isVisible();
        portal.getByTestId("nav-my-appointments").click();
        assertThat(portal.getByTestId("my-appointments-page")).containsText("11:00");
        assertThat(portal.getByTestId("my-appointments-page")).not().containsText("09:20"); // another patient's
        Browser.screenshot(portal, "portal-appointments");
        portal.context().close();
    }

    @Test
    void the_dashboard_counts_change_live_when_an_appointment_is_booked_elsewhere() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(1).toString();
        Page page = browser.newPage();
        browser.login(page, "nurse", PASSWORD);
        assertThat(page.getByTestId("home-page")).isVisible();
        page.getByTestId("nav-dashboard").click();
        assertThat(page.getByTestId("dashboard-page")).isVisible();
        assertThat(page.getByTestId("live-status")).hasAttribute("data-status", "live");
        page.locator("#dashboard-date").fill(tomorrow);
        assertThat(page.getByTestId("dash-by-hour")).isVisible();
        int before = Integer.parseInt(page.getByTestId("dash-total").innerText().trim());

        org.cdss.support.ApiClient desk = new org.cdss.support.ApiClient(port);
        desk.login("frontdesk", PASSWORD);
        String patientId = desk.get(
                        "/api/patients?q=" + java.net.URLEncoder.encode("최민호", java.nio.charset.StandardCharsets.UTF_8))
                .json()
                .path("content")
                .get(0)
                .path("id")
                .asString();
        String doctorId = desk.get("/api/doctors?departmentId=" + PULMONOLOGY)
                .json()
                .get(0)
                .path("id")
                .asString();
        var booked = desk.post(
                "/api/appointments",
                java.util.Map.of(
                        "patientId",
                        patientId,
                        "doctorId",
                        doctorId,
                        "departmentId",
                        PULMONOLOGY,
                        "localStart",
                        tomorrow + "T13:00"));
        org.assertj.core.api.Assertions.assertThat(booked.status())
                .as(booked.body())
                .isEqualTo(201);

        // no reload: the push channel makes the page refetch
        assertThat(page.getByTestId("dash-total"))
                .hasText(
                        String.valueOf(before + 1),
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(3000));
        Browser.screenshot(page, "dashboard-live");
        page.context().close();
    }

    @Test
    void a_doctor_sees_simvastatin_with_clarithromycin_as_contraindicated() {
        Page page = browser.newPage();
        browser.login(page, "doctor", PASSWORD);
        assertThat(page.getByTestId("home-page")).isVisible();
        page.getByTestId("nav-drug-check").click();
        assertThat(page.getByTestId("drug-check-page")).isVisible();
        page.getByTestId("drug-search").fill("simvastatin");
        page.locator("[data-testid^='drug-option-']").first().click();
        page.getByTestId("drug-search").fill("clarithromycin");
        page.locator("[data-testid^='drug-option-']").first().click();
        assertThat(page.getByTestId("proposed-item")).hasCount(2);
        page.getByTestId("run-check").click();
        assertThat(page.getByTestId("severity-CONTRAINDICATED")).isVisible();
        assertThat(page.getByTestId("severity-CONTRAINDICATED")).containsText("Clarithromycin");
        assertThat(page.getByTestId("kb-version")).isVisible();
        Browser.screenshot(page, "drug-check-contraindicated");
        page.context().close();
    }
}
