package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;
import org.cdss.support.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * The whole visit in Chromium: the front desk registers a new patient and books them today with the demo
 * doctor, then checks them in; the doctor finds a patient from the header search, starts the consultation from the
 * queue, writes a SOAP note with vitals (BMI shown) and a diagnosis and completes the visit, while a dashboard open in
 * another browser follows along without a reload; the front desk issues the patient a portal activation code, the
 * patient opens a portal account with it and sees the visit in their record but gets the not-found page (and 404s
 * from the API) for someone else's.
 */
class VisitJourneyBrowserTests extends DemoBrowserTest {

    static final String PULMONOLOGY = ClinicJourneyBrowserTests.PULMONOLOGY;
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final String NEW_PATIENT = "서하늘";

    @Test
    void a_new_patient_is_registered_booked_today_seen_by_the_doctor_and_reads_the_visit_in_the_portal() {
        LocalTime slot = bookableSlotToday();
        String today = LocalDate.now(SEOUL).toString();
        String hhmm = slot.toString();

        // the dashboard stays open in its own browser for the whole visit
        Page dashboard = browser.newPage();
        browser.login(dashboard, "nurse", PASSWORD);
        dashboard.getByTestId("nav-dashboard").click();
        assertThat(dashboard.getByTestId("live-status")).hasAttribute("data-status", "live");
        assertThat(dashboard.locator("#dashboard-date")).hasValue(today);
        assertThat(dashboard.getByTestId("dashboard-page")).hasAttribute("data-loaded", "true");
        int total = count(dashboard, "dash-total");
        int waiting = count(dashboard, "dash-waiting");
        int completed = count(dashboard, "dash-completed");

        // front desk: register, book today, check in
        Page desk = browser.newPage();
        browser.login(desk, "frontdesk", PASSWORD);
        desk.getByTestId("nav-patients").click();
        desk.getByTestId("new-patient").click();
        desk.getByTestId("patient-name").fill(NEW_PATIENT);
        desk.getByTestId("patient-nameLatin").fill("Seo Haneul");
        desk.getByTestId("patient-birthDate").fill("1990-05-20");
        desk.getByTestId("patient-sex").selectOption("F");
        desk.getByTestId("patient-phone").fill("010-2024-0520");
        desk.getByTestId("patient-save").click();
        assertThat(desk.getByTestId("patient-detail")).containsText(NEW_PATIENT);
        String patientId = desk.url().replaceAll(".*/patients/", "");
        Browser.screenshot(desk, "journey-1-registered");

        desk.getByTestId("nav-appointments").click();
        desk.getByTestId("book-appointment").click();
        desk.getByTestId("book-patient-search").fill(NEW_PATIENT);
        desk.getByTestId("book-patient-search-submit").click();
        desk.getByTestId("patient-option-" + patientId).click();
        desk.getByTestId("book-department").selectOption(PULMONOLOGY);
        desk.locator("#book-doctor option")
                .nth(1)
                .waitFor(new Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        desk.getByTestId("book-doctor").selectOption(new SelectOption().setIndex(1));
        desk.getByTestId("book-date").fill(today);
        desk.getByTestId("slot-" + hhmm).first().click();
        desk.getByTestId("book-reason").fill("기침 2주");
        Browser.screenshot(desk, "journey-2-booking-today");
        desk.getByTestId("book-submit").click();
        assertThat(desk.getByTestId("booking-form")).hasCount(0);
        desk.getByTestId("appointments-date").fill(today);
        Locator row = desk.getByTestId("appointment-row").filter(new Locator.FilterOptions().setHasText(NEW_PATIENT));
        assertThat(row).containsText(hhmm);
        assertThat(dashboard.getByTestId("dash-total")).hasText(String.valueOf(total + 1));

        row.locator("[data-testid^='check-in-']").click();
        assertThat(row.locator("[data-testid^='check-in-']")).hasCount(0);
        assertThat(dashboard.getByTestId("dash-waiting")).hasText(String.valueOf(waiting + 1));
        Browser.screenshot(desk, "journey-3-checked-in");
        desk.context().close();

        // the doctor: the header search finds a patient by 초성; then today's queue
        Page doctor = browser.newPage();
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();
        Locator search = doctor.getByTestId("header-search-input");
        search.pressSequentially("ㅎㄱㄷ");
        assertThat(search).hasAttribute("aria-expanded", "true");
        assertThat(doctor.getByTestId("header-search-option").first()).containsText("홍길동");
        Browser.screenshot(doctor, "journey-4-header-search");
        search.press("ArrowDown");
        assertThat(doctor.getByTestId("header-search-option").first()).hasAttribute("aria-selected", "true");
        search.press("Enter");
        assertThat(doctor.getByTestId("patient-detail")).containsText("홍길동");
        assertThat(doctor.getByTestId("patient-banner")).containsText("홍길동");
        assertThat(doctor).hasURL(Pattern.compile(".*/patients/[0-9a-f-]{36}$"));

        doctor.getByTestId("nav-queue").click();
        Locator queued = doctor.getByTestId("queue-page")
                .getByTestId("appointment-row")
                .filter(new Locator.FilterOptions().setHasText(NEW_PATIENT));
        assertThat(queued).containsText(hhmm);
        Browser.screenshot(doctor, "journey-5-queue");
        queued.locator("[data-testid^='start-']").click();

        assertThat(doctor.getByTestId("encounter-page")).isVisible();
        assertThat(doctor.getByTestId("patient-banner")).containsText(NEW_PATIENT);
        assertThat(doctor.getByTestId("encounter-status")).hasAttribute("data-status", "OPEN");
        doctor.locator("#note-subjective").fill("2주간 지속되는 마른기침, 발열 없음");
        doctor.locator("#note-objective").fill("흉부 청진상 특이 소견 없음");
        doctor.locator("#note-assessment").fill("급성 기관지염");
        doctor.locator("#note-plan").fill("대증 치료, 2주 후 재진");
        doctor.getByTestId("soap-note").locator("button[type=submit]").click();
        assertThat(doctor.getByTestId("soap-note").locator("button[type=submit]"))
                .hasText("수정 저장"); // saved
        // an amendment adds a version; the history shows the original text with who wrote it and the reason
        doctor.locator("#note-assessment").fill("급성 기관지염, 천식 감별 필요");
        doctor.locator("#note-reason").fill("청진 소견 재확인");
        doctor.getByTestId("soap-note").locator("button[type=submit]").click();
        doctor.getByTestId("note-history-toggle").click();
        Locator versions = doctor.getByTestId("note-history").getByTestId("note-version");
        assertThat(versions).hasCount(2);
        assertThat(versions.first()).containsText("최초 작성");
        assertThat(versions.first()).containsText("급성 기관지염");
        assertThat(versions.first()).not().containsText("천식 감별");
        assertThat(versions.nth(1)).containsText("1차 수정");
        assertThat(versions.nth(1)).containsText("청진 소견 재확인");
        assertThat(versions.nth(1)).containsText("천식 감별 필요");

        doctor.locator("#vitals-systolic").fill("128");
        doctor.locator("#vitals-diastolic").fill("82");
        doctor.locator("#vitals-heartRate").fill("76");
        doctor.locator("#vitals-temperatureC").fill("36.8");
        doctor.locator("#vitals-spo2").fill("97");
        doctor.locator("#vitals-heightCm").fill("170");
        doctor.locator("#vitals-weightKg").fill("65");
        assertThat(doctor.getByTestId("bmi-preview")).containsText("22.5");
        doctor.getByTestId("vitals").locator("button[type=submit]").click();
        assertThat(doctor.getByTestId("vitals-row")).containsText("BMI 22.5");

        doctor.locator("#diagnosis-code").fill("J20.9");
        doctor.locator("#diagnosis-description").fill("급성 기관지염");
        doctor.getByTestId("diagnoses").locator("button[type=submit]").click();
        assertThat(doctor.getByTestId("diagnosis-row")).containsText("J20.9");
        Browser.screenshot(doctor, "journey-6-soap-vitals");

        doctor.getByTestId("complete-visit").click();
        assertThat(doctor.getByTestId("encounter-status")).hasAttribute("data-status", "FINISHED");
        assertThat(doctor.getByTestId("complete-visit")).hasCount(0);
        Browser.screenshot(doctor, "journey-7-completed");
        doctor.context().close();

        // the dashboard followed along, never reloaded
        assertThat(dashboard.getByTestId("dash-completed")).hasText(String.valueOf(completed + 1));
        assertThat(dashboard.getByTestId("dash-waiting")).hasText(String.valueOf(waiting));
        assertThat(dashboard.getByTestId("dash-total")).hasText(String.valueOf(total + 1));
        Browser.screenshot(dashboard, "journey-8-dashboard");
        dashboard.context().close();

        // the front desk gives the patient a portal activation code, shown once on the chart
        Page office = browser.newPage();
        browser.login(office, "frontdesk", PASSWORD);
        office.getByTestId("nav-patients").click(); // signed in
        office.navigate("/patients/" + patientId);
        office.getByTestId("issue-portal-code").click();
        assertThat(office.getByTestId("portal-code"))
                .hasText(Pattern.compile("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"));
        assertThat(office.getByTestId("portal-code-expiry")).isVisible();
        String code = office.getByTestId("portal-code").textContent().strip();
        Browser.screenshot(office, "journey-8b-portal-code");
        office.context().close();

        // the patient opens their portal account with it
        Page signup = browser.newPage();
        signup.navigate("/register");
        signup.locator("#code").fill(code.toLowerCase());
        signup.locator("#username").fill("haneul.seo");
        signup.locator("#displayName").fill(NEW_PATIENT);
        signup.locator("#password").fill(PASSWORD);
        signup.getByTestId("register-submit").click();
        assertThat(signup.getByTestId("home-page")).isVisible();
        signup.context().close();

        // someone else's visit, to test that the portal hides it
        ApiClient doctorApi = new ApiClient(port);
        doctorApi.login("doctor", PASSWORD);
        String hongId = doctorApi
                .get("/api/patients?q=" + java.net.URLEncoder.encode("홍길동", java.nio.charset.StandardCharsets.UTF_8))
                .json()
                .path("content")
                .get(0)
                .path("id")
                .asString();
        var other = doctorApi.post("/api/patients/" + hongId + "/encounters", Map.of("departmentId", PULMONOLOGY));
        org.assertj.core.api.Assertions.assertThat(other.status())
                .as(other.body())
                .isIn(200, 201);
        String otherEncounter = other.json()
                .path("encounter")
                .path("id")
                .asString(other.json().path("id").asString());

        Page portal = browser.newPage();
        browser.login(portal, "haneul.seo", PASSWORD);
        assertThat(portal.getByTestId("home-page")).isVisible();
        portal.getByTestId("nav-my-record").click();
        Locator visit = portal.getByTestId("encounter-row");
        assertThat(visit).hasCount(1);
        assertThat(visit).containsText("J20.9 급성 기관지염");
        assertThat(visit).containsText("김민준");
        assertThat(portal.getByTestId("my-record-page")).containsText(NEW_PATIENT);
        Browser.screenshot(portal, "journey-9-portal-record");
        visit.locator("a").click();
        assertThat(portal.getByTestId("soap-note")).containsText("급성 기관지염");
        assertThat(portal.getByTestId("vitals-row")).containsText("BMI 22.5");
        assertThat(portal.locator("#note-subjective")).hasCount(0); // read-only for the patient
        portal.getByTestId("note-history-toggle").click();
        assertThat(portal.getByTestId("note-version")).hasCount(2);

        portal.navigate("/encounters/" + otherEncounter);
        assertThat(portal.getByTestId("not-found-page")).isVisible();
        Browser.screenshot(portal, "journey-10-portal-not-found");
        org.assertj.core.api.Assertions.assertThat(portal.request()
                        .get("/api/encounters/" + otherEncounter)
                        .status())
                .isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(portal.request()
                        .get("/api/patients/" + hongId + "/timeline")
                        .status())
                .isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(portal.request()
                        .get("/api/patients/" + hongId + "/encounters")
                        .status())
                .isEqualTo(404);
        portal.context().close();
    }

    /**
     * A free slot later today, Seoul's today, whatever the hour: the demo clinic runs 09–18, so the front desk adds a
     * short extra clinic on today's weekday ten minutes ahead. In the last twenty minutes of a Seoul day, waits for
     * the next one rather than cross midnight.
     */
    private LocalTime bookableSlotToday() {
        await().atMost(Duration.ofMinutes(21))
                .pollInterval(Duration.ofSeconds(5))
                .until(() -> LocalTime.now(SEOUL).isBefore(LocalTime.of(23, 40)));
        LocalTime now = LocalTime.now(SEOUL).truncatedTo(ChronoUnit.MINUTES);
        LocalTime start = now.plusMinutes(5 - now.getMinute() % 5).plusMinutes(10);
        ApiClient desk = new ApiClient(port);
        desk.login("frontdesk", PASSWORD);
        String doctorId = desk.get("/api/doctors?departmentId=" + PULMONOLOGY)
                .json()
                .get(0)
                .path("id")
                .asString();
        var schedule = desk.post(
                "/api/appointments/schedules",
                Map.of(
                        "doctorId",
                        doctorId,
                        "departmentId",
                        PULMONOLOGY,
                        "dayOfWeek",
                        LocalDate.now(SEOUL).getDayOfWeek().name(),
                        "startTime",
                        start.toString(),
                        "endTime",
                        start.plusMinutes(5).toString(),
                        "slotMinutes",
                        5));
        org.assertj.core.api.Assertions.assertThat(schedule.status())
                .as(schedule.body())
                .isEqualTo(201);
        return start;
    }

    private static int count(Page page, String testId) {
        return Integer.parseInt(page.getByTestId(testId).innerText().trim());
    }
}
