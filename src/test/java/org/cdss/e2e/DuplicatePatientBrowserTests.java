package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.cdss.support.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * Duplicate patients (issue 15 item 4) in headless Chromium: the front desk starts registering someone who is already
 * registered; before anything is saved the existing record is shown with why it matched, and "same person" opens the
 * existing chart. A registration number already on file offers no "register anyway".
 */
class DuplicatePatientBrowserTests extends DemoBrowserTest {

    @Test
    void the_front_desk_is_shown_the_existing_chart_before_registering_the_same_person_again() {
        ApiClient desk = new ApiClient(port);
        desk.login("frontdesk", PASSWORD);
        Map<String, Object> first = new HashMap<>();
        first.put("name", "중복검사");
        first.put("birthDate", "1964-03-15");
        first.put("sex", "F");
        first.put("phone", "010-7777-1234");
        first.put("rrn", "640315-2123456");
        var created = desk.post("/api/patients", first);
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(created.body())
                .isEqualTo(201);
        String existingId = created.text("id");
        long before = desk.get("/api/patients?q=%EC%A4%91%EB%B3%B5%EA%B2%80%EC%82%AC")
                .json()
                .path("totalElements")
                .asLong();

        Page page = browser.newPage();
        browser.login(page, "frontdesk", PASSWORD);
        assertThat(page.getByTestId("home-page")).isVisible();
        page.navigate("/patients/new");
        assertThat(page.getByTestId("new-patient-page")).isVisible();
        page.getByTestId("patient-name").fill("중복검사");
        page.getByTestId("patient-birthDate").fill("1964-03-15");
        page.getByTestId("patient-sex").selectOption("F");
        page.getByTestId("patient-save").click();

        assertThat(page.getByTestId("duplicate-dialog")).isVisible();
        assertThat(page.getByTestId("duplicate-match")).hasCount(1);
        assertThat(page.getByTestId("duplicate-match")).containsText("중복검사");
        assertThat(page.getByTestId("duplicate-register-anyway")).isVisible();
        Browser.screenshot(page, "duplicate-patient-prompt");
        page.getByTestId("duplicate-open-chart").click();
        assertThat(page).hasURL(Pattern.compile(".*/patients/" + existingId + "$"));
        assertThat(page.getByTestId("patient-detail-page")).containsText("중복검사");

        // the same registration number under another name: certain, no "register anyway"
        page.navigate("/patients/new");
        page.getByTestId("patient-name").fill("다른이름");
        page.getByTestId("patient-birthDate").fill("1964-03-15");
        page.getByTestId("patient-rrn").fill("640315-2123456");
        page.getByTestId("patient-save").click();
        assertThat(page.getByTestId("duplicate-dialog")).isVisible();
        assertThat(page.getByTestId("duplicate-register-anyway")).hasCount(0);
        page.context().close();

        org.assertj.core.api.Assertions.assertThat(desk.get("/api/patients?q=%EC%A4%91%EB%B3%B5%EA%B2%80%EC%82%AC")
                        .json()
                        .path("totalElements")
                        .asLong())
                .isEqualTo(before); // nothing was registered
    }
}
