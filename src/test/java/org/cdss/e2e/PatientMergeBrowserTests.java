package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.cdss.support.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * The administrator's merge of duplicate patients (issue 15 item 4, ADR 0026) in Chromium: the pair registered twice
 * under the same name and birth date is listed, the merge asks for a reason and a confirmation, and afterwards the
 * duplicate's penicillin allergy is on the surviving chart, which names the merged record, with a success toast.
 */
class PatientMergeBrowserTests extends DemoBrowserTest {

    @Test
    void an_administrator_merges_a_duplicate_and_its_allergy_moves_to_the_surviving_chart() {
        ApiClient frontDesk = new ApiClient(port);
        frontDesk.login("doctor", PASSWORD);
        var older = frontDesk.post("/api/patients", Map.of("name", "병합화면", "birthDate", "1966-06-16", "sex", "F"));
        org.assertj.core.api.Assertions.assertThat(older.status())
                .as(older.body())
                .isEqualTo(201);
        var younger = frontDesk.post("/api/patients", Map.of("name", "병합화면", "birthDate", "1966-06-16", "sex", "F"));
        org.assertj.core.api.Assertions.assertThat(younger.status())
                .as(younger.body())
                .isEqualTo(201);
        String survivor = older.text("id");
        String duplicate = younger.text("id");
        var allergy = frontDesk.post(
                "/api/patients/" + duplicate + "/allergies", Map.of("substance", "Penicillin", "severity", "SEVERE"));
        org.assertj.core.api.Assertions.assertThat(allergy.status())
                .as(allergy.body())
                .isLessThan(300);

        Page admin = browser.newPage();
        browser.login(admin, "admin", PASSWORD);
        assertThat(admin.getByTestId("home-page")).isVisible();
        admin.navigate("/admin/patient-duplicates");
        Locator pair = admin.getByTestId("duplicate-pair").filter(new Locator.FilterOptions().setHasText("병합화면"));
        assertThat(pair).hasCount(1);
        assertThat(pair).containsText(older.text("mrn"));
        assertThat(pair).containsText(younger.text("mrn"));
        assertThat(pair.getByTestId("merge-pair")).isDisabled(); // no reason yet
        pair.getByRole(com.microsoft.playwright.options.AriaRole.TEXTBOX).fill("같은 사람, 접수 중복");
        pair.getByTestId("merge-pair").click();
        // the dialog asks; backing out leaves both records
        admin.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG)
                .getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("취소"))
                .click();
        assertThat(pair).hasCount(1);
        pair.getByTestId("merge-pair").click();
        admin.getByTestId("confirm-action").click();
        assertThat(admin.getByTestId("toast")).containsText("병합");
        assertThat(pair).hasCount(0);
        Browser.screenshot(admin, "admin-merge-done");
        admin.context().close();

        Page doctor = browser.newPage();
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();
        doctor.navigate("/patients/" + survivor);
        assertThat(doctor.getByTestId("allergy-list")).containsText("Penicillin");
        assertThat(doctor.getByTestId("patient-banner-allergies")).containsText("Penicillin");
        doctor.navigate("/patients/" + duplicate);
        assertThat(doctor.getByTestId("patient-merged-into")).isVisible();
        doctor.context().close();
    }
}
