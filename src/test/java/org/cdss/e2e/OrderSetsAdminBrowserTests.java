package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.cdss.support.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * The administrators' order set page (ADR 0038) in headless Chromium: an administrator creates a department order
 * set with a lab test through the order form, sees it listed with the catalogue's name, and deletes it after
 * confirming; the department's doctors see it in between.
 */
class OrderSetsAdminBrowserTests extends DemoBrowserTest {

    @Test
    void an_administrator_creates_and_deletes_a_department_order_set() {
        ApiClient doctorApi = new ApiClient(port);
        doctorApi.login("doctor", PASSWORD);
        String department =
                doctorApi.get("/api/me").json().at("/departments/0/id").asString();
        String name = "Admission labs " + UUID.randomUUID().toString().substring(0, 6);

        Page admin = browser.newPage(1366, 850);
        browser.login(admin, "admin", PASSWORD);
        assertThat(admin.getByTestId("home-page")).isVisible();
        admin.navigate("/admin/ocs/order-sets");
        assertThat(admin.getByTestId("order-sets-page")).isVisible();
        admin.getByTestId("order-set-new").click();
        admin.getByTestId("order-set-name").fill(name);
        admin.getByTestId("order-set-department").selectOption(department);
        admin.getByTestId("order-type-LAB_TEST").click();
        admin.getByTestId("order-lab-search").fill("CBC");
        admin.getByTestId("lab-option-CBC").click();
        admin.getByTestId("order-set-add-item").click();
        assertThat(admin.getByTestId("order-set-item")).hasCount(1);
        admin.getByTestId("order-set-save").click();
        assertThat(admin.getByTestId("order-set-editor")).hasCount(0);
        Locator row = admin.getByTestId("order-set-row").filter(new Locator.FilterOptions().setHasText(name));
        // the item in the reader's language (Korean UI): the catalogue's Korean name, not the English one
        assertThat(row).containsText("일반혈액검사");
        assertThat(row).not().containsText("CBC panel");
        Browser.screenshot(admin, "order-sets-admin");
        org.assertj.core.api.Assertions.assertThat(
                        doctorApi.get("/api/ocs/order-sets").json().findValuesAsString("name"))
                .contains(name);

        admin.onceDialog(dialog -> dialog.accept());
        row.getByTestId("order-set-delete").click();
        assertThat(row).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(
                        doctorApi.get("/api/ocs/order-sets").json().findValuesAsString("name"))
                .doesNotContain(name);
        admin.context().close();
    }
}
