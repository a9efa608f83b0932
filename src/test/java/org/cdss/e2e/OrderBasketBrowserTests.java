package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cdss.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Order entry inside the visit (issue 15 item 2, issue 17 item 5; ADR 0033) in headless Chromium at desktop, phone
 * (390 × 844) and tablet (768 × 1024) sizes, nothing scrolling sideways and the alert dialog within the screen: a
 * doctor in a visit adds a lab test, an imaging study and a drug to the basket; the drug (simvastatin, the patient
 * takes clarithromycin) raises our CDS Hooks order-select alert, the doctor removes it from the dialog, adds another
 * drug and signs all: three orders are sent and no pending simvastatin order is left behind. The note typed in the
 * visit autosaves as a draft that survives navigation, and leaving with text not yet saved asks first.
 *
 * <p>It also measures the clicks and seconds to place the same three orders for one patient from the visit page
 * with the basket, and with the order entry page used before (one order at a time: chart → new order → create →
 * send, back to the chart); both are printed ({@code ORDER-ENTRY-MEASURE}).
 */
class OrderBasketBrowserTests extends DemoBrowserTest {

    static final String SIMVASTATIN = "DB00641";
    static final String FOLIC_ACID = "DB00158";

    /** Counts the doctor's clicks (the measure); typing is not counted as a click. */
    static final class Clicks {
        int count;

        void on(Locator locator) {
            locator.click();
            count++;
        }
    }

    record Visit(String patientId, String encounterId) {}

    private Visit visit(String name) {
        ApiClient api = new ApiClient(port);
        api.login("doctor", PASSWORD);
        var registered = api.post("/api/patients", Map.of("name", name, "birthDate", "1957-05-05", "sex", "M"));
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
        String department = api.get("/api/me").json().at("/departments/0/id").asString();
        var encounter = api.post("/api/patients/" + patient + "/encounters", Map.of("departmentId", department));
        org.assertj.core.api.Assertions.assertThat(encounter.status())
                .as(encounter.body())
                .isIn(200, 201);
        return new Visit(patient, encounter.json().at("/encounter/id").asString());
    }

    private Page doctorAt(String path) {
        return doctorAt(Screen.DESKTOP, path);
    }

    private Page doctorAt(Screen screen, String path) {
        Page doctor = screen.newPage(browser);
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();
        doctor.navigate(path);
        return doctor;
    }

    /** The patient's orders as the API lists them: {type, status, drug} of each. */
    private List<String> orders(String patientId) {
        ApiClient api = new ApiClient(port);
        api.login("doctor", PASSWORD);
        JsonNode page =
                api.get("/api/ocs/orders?patientId=" + patientId + "&size=50").json();
        List<String> out = new ArrayList<>();
        page.path("content")
                .forEach(o -> out.add(o.path("type").asString() + " "
                        + o.path("status").asString() + " " + o.path("summary").asString()));
        return out;
    }

    private static void addLab(Page doctor, Clicks clicks) {
        clicks.on(doctor.getByTestId("order-type-LAB_TEST"));
        doctor.getByTestId("order-lab-search").fill("CBC");
        clicks.on(doctor.getByTestId("lab-option-CBC"));
    }

    private static void addImaging(Page doctor, Clicks clicks) {
        clicks.on(doctor.getByTestId("order-type-IMAGING"));
        doctor.getByTestId("order-body-part").fill("Chest");
    }

    /** Picks a drug; dose, unit, route come from the product, the quantity from frequency × the duration typed. */
    private static void pickDrug(Page doctor, Clicks clicks, String search, String drugId) {
        clicks.on(doctor.getByTestId("order-type-MEDICATION"));
        doctor.getByTestId("order-drug-search").fill(search);
        clicks.on(doctor.getByTestId("drug-option-" + drugId));
        doctor.getByTestId("order-duration").fill("7");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void a_doctor_fills_the_basket_removes_the_alerting_drug_from_the_dialog_and_signs_all(Screen screen) {
        String name = "바구니여정"
                + switch (screen) {
                    case DESKTOP -> "";
                    case PHONE -> "폰";
                    case TABLET -> "탭";
                };
        Visit visit = visit(name);
        Page doctor = doctorAt(screen, "/encounters/" + visit.encounterId());
        assertThat(doctor.getByTestId("order-basket")).isVisible();
        assertThat(doctor.getByTestId("patient-banner")).containsText(name);
        screen.fits(doctor, "visit", doctor.getByTestId("order-basket"), doctor.getByTestId("patient-banner"));
        long start = System.nanoTime();
        Clicks clicks = new Clicks();

        addLab(doctor, clicks);
        clicks.on(doctor.getByTestId("basket-add"));
        assertThat(doctor.getByTestId("basket-item")).hasCount(1);
        addImaging(doctor, clicks);
        clicks.on(doctor.getByTestId("basket-add"));
        assertThat(doctor.getByTestId("basket-item")).hasCount(2);

        pickDrug(doctor, clicks, "simvastatin", SIMVASTATIN);
        // the defaults of the product (Simvastatin 20 mg tablet, PO) and QD × 7 days
        assertThat(doctor.getByTestId("order-dose")).hasValue("20");
        assertThat(doctor.getByTestId("order-dose-unit")).hasValue("mg");
        assertThat(doctor.getByTestId("order-quantity")).hasValue("7");
        clicks.on(doctor.getByTestId("basket-add"));
        Locator dialog = doctor.getByTestId("basket-alert-dialog");
        assertThat(dialog).isVisible();
        assertThat(dialog.getByTestId("basket-card").first()).containsText("Clarithromycin");
        assertThat(doctor.getByTestId("basket-sign-all")).isDisabled();
        screen.fits(doctor, "alert dialog", dialog, dialog.getByTestId("basket-dialog-remove"));
        Browser.screenshot(doctor, "order-basket-alert" + screen.suffix());
        clicks.on(dialog.getByTestId("basket-dialog-remove"));
        assertThat(dialog).isHidden();
        assertThat(doctor.getByTestId("basket-item")).hasCount(2);

        pickDrug(doctor, clicks, "folic", FOLIC_ACID);
        assertThat(doctor.getByTestId("order-quantity")).hasValue("7");
        clicks.on(doctor.getByTestId("basket-add"));
        assertThat(doctor.getByTestId("basket-item")).hasCount(3);
        assertThat(doctor.getByTestId("basket-alert-dialog")).hasCount(0);
        screen.fits(doctor, "basket of three", doctor.getByTestId("basket-sign-all"));
        // scrolled down to "sign all", the sticky banner still says whose basket this is, below the header
        double banner = screen.bannerInSight(doctor, "basket of three", doctor.getByTestId("basket-sign-all"), 0.4);
        System.out.printf(
                "PATIENT-BANNER bottom edge while scrolled (%s): %.0f px of %d%n", screen, banner, screen.height);
        Browser.screenshot(doctor, "order-basket" + screen.suffix());
        clicks.on(doctor.getByTestId("basket-sign-all"));
        assertThat(doctor.getByTestId("basket-signed")).isVisible();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(doctor.getByTestId("basket-item")).hasCount(0);

        List<String> placed = orders(visit.patientId());
        org.assertj.core.api.Assertions.assertThat(placed).hasSize(3);
        org.assertj.core.api.Assertions.assertThat(placed).allMatch(o -> o.contains(" SENT "));
        // no pending (orphan) order: the simvastatin was never created, the three placed are all sent
        org.assertj.core.api.Assertions.assertThat(placed)
                .anyMatch(o -> o.startsWith("MEDICATION SENT"))
                .anyMatch(o -> o.startsWith("LAB_TEST SENT"))
                .anyMatch(o -> o.startsWith("IMAGING SENT"))
                .noneMatch(o -> o.toLowerCase(java.util.Locale.ROOT).contains("simvastatin") || o.contains("심바스타틴"));
        System.out.printf(
                "ORDER-ENTRY-MEASURE basket with one alerting drug removed (%s): %d clicks, %.1f s%n",
                screen, clicks.count, seconds);

        // the patient's chart shows our patient-view card in the UI's language: the lab and imaging orders just sent
        // wait for their results
        doctor.navigate("/patients/" + visit.patientId());
        assertThat(doctor.getByTestId("patient-view-summary")).containsText("결과 대기 2건");
        screen.fits(doctor, "chart", doctor.getByTestId("patient-view-summary"));
        Browser.screenshot(doctor, "patient-view-card" + screen.suffix());
        doctor.context().close();
    }

    @Test
    void a_department_order_set_fills_the_basket_its_drug_is_checked_and_sign_all_sends_the_rest() {
        Visit visit = visit("묶음처방여정");
        ApiClient doctorApi = new ApiClient(port);
        doctorApi.login("doctor", PASSWORD);
        String department =
                doctorApi.get("/api/me").json().at("/departments/0/id").asString();
        ApiClient admin = new ApiClient(port);
        admin.login("admin", PASSWORD);
        String name =
                "Lipid follow-up " + java.util.UUID.randomUUID().toString().substring(0, 6);
        var created = admin.post(
                "/api/admin/ocs/order-sets",
                Map.of(
                        "departmentId",
                        department,
                        "name",
                        name,
                        "items",
                        List.of(
                                Map.of("type", "LAB_TEST", "priority", "ROUTINE", "labTest", Map.of("testCode", "CBC")),
                                Map.of(
                                        "type",
                                        "MEDICATION",
                                        "priority",
                                        "ROUTINE",
                                        "medication",
                                        Map.of(
                                                "drugId",
                                                SIMVASTATIN,
                                                "dose",
                                                20,
                                                "doseUnit",
                                                "mg",
                                                "route",
                                                "PO",
                                                "frequency",
                                                "QD",
                                                "durationDays",
                                                7)))));
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(created.body())
                .isEqualTo(201);
        String setId = created.json().get("id").asString();

        Page doctor = doctorAt("/encounters/" + visit.encounterId());
        assertThat(doctor.getByTestId("order-basket")).isVisible();
        doctor.getByTestId("basket-order-set-select").selectOption(setId);
        doctor.getByTestId("basket-order-set-add").click();
        assertThat(doctor.getByTestId("basket-item")).hasCount(2);
        // the set's simvastatin goes through order-select like a typed drug: the clarithromycin alert interrupts
        Locator dialog = doctor.getByTestId("basket-alert-dialog");
        assertThat(dialog).isVisible();
        assertThat(dialog.getByTestId("basket-card").first()).containsText("Clarithromycin");
        dialog.getByTestId("basket-dialog-remove").click();
        assertThat(doctor.getByTestId("basket-item")).hasCount(1);
        doctor.getByTestId("basket-sign-all").click();
        assertThat(doctor.getByTestId("basket-signed")).isVisible();

        List<String> placed = orders(visit.patientId());
        org.assertj.core.api.Assertions.assertThat(placed).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(placed.getFirst()).startsWith("LAB_TEST SENT");
        doctor.context().close();
        org.assertj.core.api.Assertions.assertThat(
                        admin.delete("/api/admin/ocs/order-sets/" + setId).status())
                .isEqualTo(204);
    }

    @Test
    void three_orders_with_the_basket_and_with_the_order_entry_page_before() {
        // after: from the visit page, with the basket
        Visit after = visit("바구니측정");
        Page doctor = doctorAt("/encounters/" + after.encounterId());
        assertThat(doctor.getByTestId("order-basket")).isVisible();
        long start = System.nanoTime();
        Clicks basket = new Clicks();
        addLab(doctor, basket);
        basket.on(doctor.getByTestId("basket-add"));
        addImaging(doctor, basket);
        basket.on(doctor.getByTestId("basket-add"));
        pickDrug(doctor, basket, "folic", FOLIC_ACID);
        basket.on(doctor.getByTestId("basket-add"));
        assertThat(doctor.getByTestId("basket-item")).hasCount(3);
        assertThat(doctor.getByTestId("basket-sign-all")).isEnabled();
        basket.on(doctor.getByTestId("basket-sign-all"));
        assertThat(doctor.getByTestId("basket-signed")).isVisible();
        double basketSeconds = (System.nanoTime() - start) / 1e9;
        org.assertj.core.api.Assertions.assertThat(orders(after.patientId())).hasSize(3);
        doctor.context().close();

        // before: from the same visit page, each order on the order entry page (chart → new order → create → send)
        Visit before = visit("기존측정");
        doctor = doctorAt("/encounters/" + before.encounterId());
        assertThat(doctor.getByTestId("encounter-page")).isVisible();
        start = System.nanoTime();
        Clicks old = new Clicks();
        old.on(doctor.getByTestId("encounter-back-to-patient"));
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                // from the sent order's page back to the patient's chart (one click on the patient link)
                doctor.navigate("/patients/" + before.patientId());
                old.count++;
            }
            old.on(doctor.getByTestId("patient-new-order"));
            assertThat(doctor.getByTestId("order-entry-page")).isVisible();
            switch (i) {
                case 0 -> addLab(doctor, old);
                case 1 -> addImaging(doctor, old);
                default -> pickDrug(doctor, old, "folic", FOLIC_ACID);
            }
            old.on(doctor.getByTestId("order-create"));
            assertThat(doctor.getByTestId("order-created")).isVisible();
            old.on(doctor.getByTestId("order-send"));
            doctor.waitForURL(Pattern.compile(".*/orders/[0-9a-f-]+$"));
        }
        double oldSeconds = (System.nanoTime() - start) / 1e9;
        org.assertj.core.api.Assertions.assertThat(orders(before.patientId()))
                .hasSize(3)
                .allMatch(o -> o.contains(" SENT "));
        doctor.context().close();
        System.out.printf(
                "ORDER-ENTRY-MEASURE three orders (CBC, chest CT, folic acid) for one patient from the visit page:"
                        + " before (order entry page) %d clicks, %.1f s; after (basket) %d clicks, %.1f s%n",
                old.count, oldSeconds, basket.count, basketSeconds);
        org.assertj.core.api.Assertions.assertThat(basket.count).isLessThan(old.count);
    }

    @ParameterizedTest
    @EnumSource(
            value = Screen.class,
            names = {"DESKTOP", "PHONE"})
    void the_visit_note_autosaves_as_a_draft_that_survives_navigation_and_leaving_unsaved_text_asks_first(
            Screen screen) {
        Visit visit = visit(screen == Screen.PHONE ? "초안여정폰" : "초안여정");
        Page doctor = doctorAt(screen, "/encounters/" + visit.encounterId());
        screen.fits(doctor, "visit", doctor.getByTestId("note-form"));
        doctor.getByTestId("note-subjective").fill("3일 전부터 기침, 가래");
        assertThat(doctor.getByTestId("note-draft-status")).containsText(Pattern.compile("\\d"));

        doctor.getByTestId("encounter-back-to-patient").click();
        doctor.waitForURL(Pattern.compile(".*/patients/" + visit.patientId() + "$"));
        doctor.navigate("/encounters/" + visit.encounterId());
        assertThat(doctor.getByTestId("note-subjective")).hasValue("3일 전부터 기침, 가래");
        assertThat(doctor.getByTestId("note-draft-restored")).isVisible();
        doctor.reload();
        assertThat(doctor.getByTestId("note-subjective")).hasValue("3일 전부터 기침, 가래");

        // text typed and not yet saved: leaving asks first; staying keeps it, and it is saved then
        List<String> asked = new ArrayList<>();
        doctor.onceDialog(d -> {
            asked.add(d.message());
            d.dismiss();
        });
        doctor.getByTestId("note-plan").fill("CBC, 흉부 CT");
        doctor.getByTestId("encounter-back-to-patient").click();
        doctor.waitForCondition(() -> !asked.isEmpty()); // the dialog's event arrives after the click returns
        assertThat(doctor.getByTestId("encounter-page")).isVisible();
        org.assertj.core.api.Assertions.assertThat(asked).hasSize(1);
        assertThat(doctor.getByTestId("note-plan")).hasValue("CBC, 흉부 CT");
        assertThat(doctor.getByTestId("note-draft-status")).containsText(Pattern.compile("\\d"));
        doctor.navigate("/encounters/" + visit.encounterId());
        assertThat(doctor.getByTestId("note-plan")).hasValue("CBC, 흉부 CT");
        screen.fits(
                doctor, "restored draft", doctor.getByTestId("note-form"), doctor.getByTestId("note-draft-restored"));

        // saving the note ends the draft: the next visit to the page shows the saved note, no restored draft
        doctor.getByTestId("note-form").locator("button[type=submit]").click();
        assertThat(doctor.locator("#note-reason")).isVisible(); // the form now amends the saved note
        doctor.navigate("/patients/" + visit.patientId());
        doctor.navigate("/encounters/" + visit.encounterId());
        assertThat(doctor.getByTestId("note-plan")).hasValue("CBC, 흉부 CT");
        assertThat(doctor.getByTestId("note-draft-restored")).hasCount(0);
        doctor.context().close();
    }
}
