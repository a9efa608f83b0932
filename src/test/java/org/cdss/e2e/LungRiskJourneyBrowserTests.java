package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12's journey: a doctor opens a patient, runs the lung-cancer risk assessment, sees the probability, band and
 * contributions, accepts it; the ledger records it and the per-model dashboard, the statistics page and the model
 * card (metrics, calibration chart) show it.
 */
class LungRiskJourneyBrowserTests extends DemoBrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_doctor_assesses_lung_cancer_risk_accepts_it_and_the_ledger_and_dashboards_count_it() {
        String patientId = jdbc.sql("SELECT id FROM patient WHERE active = TRUE ORDER BY mrn LIMIT 1")
                .query(String.class)
                .single();

        Page doctor = browser.newPage();
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();
        doctor.navigate("/patients/" + patientId);
        assertThat(doctor.getByTestId("patient-banner")).isVisible();
        assertThat(doctor.getByTestId("lung-risk-disclaimer")).isVisible();
        doctor.getByTestId("lung-risk-open").click();
        assertThat(doctor.getByTestId("lung-risk-form")).isVisible();
        // pre-filled from the record: the demo patient has a birth date and a sex
        assertThat(doctor.getByTestId("lung-risk-age")).hasValue(Pattern.compile("\\d+"));
        if (doctor.getByTestId("lung-risk-sex").inputValue().isEmpty()) {
            doctor.getByTestId("lung-risk-sex").selectOption("1");
        }
        for (String s : new String[] {"smoking", "coughing", "wheezing", "chestPain", "yellowFingers"}) {
            doctor.getByTestId("lung-risk-" + s).check();
        }
        doctor.getByTestId("lung-risk-run").click();
        assertThat(doctor.getByTestId("lung-risk-result")).isVisible();
        assertThat(doctor.getByTestId("lung-risk-probability")).hasText(Pattern.compile("\\d+(\\.\\d+)?\\s?%"));
        assertThat(doctor.getByTestId("lung-risk-band")).isVisible();
        assertThat(doctor.getByTestId("lung-risk-contributions-bar")).hasCount(15);
        Browser.screenshot(doctor, "lung-risk-result");
        String suggestionId = doctor.getByTestId("lung-risk-result").getAttribute("data-suggestion-id");
        doctor.getByTestId("lung-risk-accept").click();
        assertThat(doctor.getByTestId("lung-risk-decided")).isVisible();

        assertThat(jdbc.sql("SELECT decision FROM ai_suggestion WHERE id = :id AND patient_id = :p")
                        .param("id", suggestionId)
                        .param("p", patientId)
                        .query(String.class)
                        .single())
                .isEqualTo("ACCEPTED");

        doctor.navigate("/ai/models/lung-risk/dashboard");
        assertThat(doctor.getByTestId("ai-dashboard-page")).isVisible();
        assertThat(doctor.getByTestId("ai-dashboard-suggestions")).hasText("1");
        assertThat(doctor.getByTestId("ai-dashboard-accepted")).hasText("1");
        Browser.screenshot(doctor, "lung-risk-dashboard");

        doctor.getByTestId("nav-ai-statistics").click();
        assertThat(doctor.getByTestId("ai-statistics-page")).isVisible();
        assertThat(doctor.getByTestId("ai-statistics-total")).hasText("1");

        doctor.getByTestId("nav-ai-models").click();
        doctor.getByTestId("ai-model-card-link").first().click();
        assertThat(doctor.getByTestId("ai-model-card-page")).isVisible();
        assertThat(doctor.getByTestId("ai-card-model-auc")).hasText(Pattern.compile("0[.,]9\\d*"));
        assertThat(doctor.getByTestId("ai-card-calibration-bin").first()).isVisible();
        Browser.screenshot(doctor, "lung-risk-model-card");

        // A batch (submitted through the API from this session) runs as a job: the models page lists it and its
        // progress bar reaches 100 % without a reload (the ai-job push refetches the list).
        doctor.getByTestId("nav-ai-models").click();
        assertThat(doctor.getByTestId("ai-jobs")).isVisible();
        Object status = doctor.evaluate("""
                async (patientId) => {
                  const token = decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '');
                  const inputs = { sexCode: 1, age: 64, smoking: true, yellowFingers: false, anxiety: false,
                    peerPressure: false, chronicDisease: false, fatigue: true, allergy: false, wheezing: true,
                    alcoholConsuming: false, coughing: true, shortnessOfBreath: false, swallowingDifficulty: false,
                    chestPain: false };
                  const items = Array.from({ length: 30 }, () => ({ patientId, inputs }));
                  const r = await fetch('/api/ai/lung-risk/batch', { method: 'POST', credentials: 'same-origin',
                    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
                    body: JSON.stringify({ items }) });
                  return r.status;
                }""", patientId);
        assertThat(((Number) status).intValue()).isEqualTo(202);
        assertThat(doctor.getByTestId("ai-job-row")).hasCount(1);
        assertThat(doctor.getByTestId("ai-job-row").first())
                .hasAttribute(
                        "data-status",
                        "SUCCEEDED",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
                                .setTimeout(30_000));
        assertThat(doctor.getByTestId("ai-job-row")
                        .first()
                        .getByRole(com.microsoft.playwright.options.AriaRole.PROGRESSBAR))
                .hasAttribute("aria-valuenow", "100");
        doctor.context().close();
    }
}
