package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.cdss.medsafety.MedicationCheckRequest;
import org.cdss.medsafety.ProposedDrug;
import org.cdss.medsafety.engine.SafetyEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Overriding a hard stop from the drug-check page is recorded, and the administrator's override analytics show it
 * (issue 4: "the override-analytics page shows real counts after a Chromium test overrides an alert").
 */
class MedsafetyOverrideBrowserTests extends DemoBrowserTest {

    @Autowired
    SafetyEngine engine;

    @Test
    void a_doctor_overrides_a_hard_stop_and_the_admin_sees_it_in_the_override_analytics() {
        String ruleId = engine.check(new MedicationCheckRequest(
                        null,
                        List.of(ProposedDrug.of("simvastatin"), ProposedDrug.of("clarithromycin")),
                        List.of(),
                        List.of()))
                .alerts()
                .getFirst()
                .ruleId();

        Page doctor = browser.newPage();
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();
        doctor.getByTestId("nav-drug-check").click();
        assertThat(doctor.getByTestId("drug-check-page")).isVisible();
        doctor.getByTestId("drug-search").fill("simvastatin");
        doctor.locator("[data-testid^='drug-option-']").first().click();
        doctor.getByTestId("drug-search").fill("clarithromycin");
        doctor.locator("[data-testid^='drug-option-']").first().click();
        doctor.getByTestId("run-check").click();
        assertThat(doctor.getByTestId("severity-CONTRAINDICATED")).isVisible();
        doctor.getByTestId("open-alert-dialog").click();
        assertThat(doctor.getByTestId("safety-alert-dialog")).isVisible();
        doctor.getByTestId("override-reason").selectOption("BENEFIT_OUTWEIGHS_RISK");
        doctor.getByTestId("override-comment").fill("단기 투여, CK 추적 관찰");
        Browser.screenshot(doctor, "override-dialog");
        doctor.getByTestId("override-confirm").click();
        assertThat(doctor.getByTestId("override-recorded")).isVisible();
        Browser.screenshot(doctor, "override-recorded");
        doctor.context().close();

        Page admin = browser.newPage();
        browser.login(admin, "admin", PASSWORD);
        assertThat(admin.getByTestId("home-page")).isVisible();
        admin.getByTestId("nav-admin-medsafety").click();
        assertThat(admin.getByTestId("override-stats-page")).isVisible();
        Locator row = admin.locator("[data-testid='override-row'][data-rule-id='" + ruleId + "']");
        assertThat(row).hasCount(1);
        assertThat(row.getByTestId("override-count")).hasText("1");
        Browser.screenshot(admin, "override-stats");
        admin.context().close();
    }
}
