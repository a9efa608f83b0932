package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cdss.support.ApiClient;
import org.cdss.support.OrderBodies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 7 and the accessibility scan: at 390 × 844 (a phone) and 768 × 1024 (a tablet) the main pages do not scroll sideways, patient
 * search is reachable and the chart's banner and allergy list are above the fold; axe-core (the npm dev dependency,
 * injected from {@code frontend/node_modules/axe-core/axe.min.js}) finds no WCAG 2 A/AA violation on the main pages,
 * apart from the named exceptions in {@link #KNOWN}.
 */
class PhoneAndAccessibilityBrowserTests extends DemoBrowserTest {

    static final Path AXE = Path.of("frontend/node_modules/axe-core/axe.min.js");
    /** Violations not fixed yet, by axe rule id: each is listed in the report of issue 15. */
    static final Set<String> KNOWN = Set.of();

    String patientId;
    String orderId;

    @BeforeAll
    void data() {
        ApiClient api = new ApiClient(port);
        api.login("doctor", PASSWORD);
        var registered = api.post("/api/patients", Map.of("name", "휴대전화", "birthDate", "1972-07-07", "sex", "M"));
        org.assertj.core.api.Assertions.assertThat(registered.status())
                .as(registered.body())
                .isEqualTo(201);
        patientId = registered.text("id");
        api.post("/api/patients/" + patientId + "/medications", Map.of("name", "Clarithromycin 500 mg"));
        api.post("/api/patients/" + patientId + "/allergies", Map.of("substance", "Penicillin", "severity", "SEVERE"));
        orderId = api.post("/api/ocs/orders", OrderBodies.medication(patientId, "DB00641", 20))
                .json()
                .at("/order/id")
                .asString();
    }

    void open(Page page, String path) {
        page.navigate(path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.locator("main")).isVisible();
    }

    @Test
    void on_a_phone_no_main_page_scrolls_sideways_and_patient_search_is_reachable() {
        smallScreen(390, 844, "phone");
    }

    /** Issue 15 item 7 for tablets: 768 × 1024 (portrait) folds the header and the navigation like a phone. */
    @Test
    void on_a_tablet_no_main_page_scrolls_sideways_and_patient_search_is_reachable() throws Exception {
        smallScreen(768, 1024, "tablet");
        // landscape (1024 × 768) has the desktop layout: nothing may scroll sideways there either
        Page landscape = browser.newPage(1024, 768);
        browser.login(landscape, "doctor", PASSWORD);
        assertThat(landscape.getByTestId("home-page")).isVisible();
        org.assertj.core.api.Assertions.assertThat(tooWide(landscape))
                .as("pages wider than a landscape tablet")
                .isEmpty();
        assertThat(landscape.getByTestId("logout")).isVisible();
        landscape.context().close();
        // and the tablet's pages pass the same accessibility scan as the desktop's
        if (Files.exists(AXE)) {
            Page tablet = browser.newPage(768, 1024, true);
            browser.login(tablet, "doctor", PASSWORD);
            assertThat(tablet.getByTestId("home-page")).isVisible();
            List<String> violations = new ArrayList<>();
            for (String path : List.of("/", "/patients/" + patientId, "/orders/" + orderId)) {
                open(tablet, path);
                violations.addAll(axe(tablet, "tablet " + path));
            }
            tablet.context().close();
            org.assertj.core.api.Assertions.assertThat(violations)
                    .as("WCAG 2 A/AA violations on a tablet")
                    .isEmpty();
        }
    }

    List<String> tooWide(Page page) {
        List<String> wide = new ArrayList<>();
        for (String path : List.of(
                "/", "/patients", "/patients/" + patientId, "/orders", "/orders/" + orderId, "/drug-check", "/kb")) {
            open(page, path);
            Number scroll = (Number) page.evaluate("() => document.documentElement.scrollWidth");
            Number inner = (Number) page.evaluate("() => window.innerWidth");
            if (scroll.intValue() > inner.intValue()) {
                wide.add(path + " " + scroll + " > " + inner);
            }
        }
        return wide;
    }

    /** No sideways scroll, banner and allergies above the fold, header folded with patient search in the menu. */
    void smallScreen(int width, int height, String name) {
        Page phone = browser.newPage(width, height);
        browser.login(phone, "doctor", PASSWORD);
        assertThat(phone.getByTestId("home-page")).isVisible();
        List<String> wide = new ArrayList<>();
        for (String path : List.of(
                "/", "/patients", "/patients/" + patientId, "/orders", "/orders/" + orderId, "/drug-check", "/kb")) {
            open(phone, path);
            Number scroll = (Number) phone.evaluate("() => document.documentElement.scrollWidth");
            Number inner = (Number) phone.evaluate("() => window.innerWidth");
            if (scroll.intValue() > inner.intValue()) {
                wide.add(path + " " + scroll + " > " + inner);
            }
            Browser.screenshot(phone, name + path.replace('/', '-'));
        }
        org.assertj.core.api.Assertions.assertThat(wide)
                .as("pages wider than the " + name)
                .isEmpty();

        // the chart: banner and allergy list above the fold
        open(phone, "/patients/" + patientId);
        assertThat(phone.getByTestId("patient-banner")).isVisible();
        double bannerTop = phone.getByTestId("patient-banner").boundingBox().y;
        double allergiesTop = phone.getByTestId("allergy-list").boundingBox().y;
        org.assertj.core.api.Assertions.assertThat(bannerTop).isLessThan(height);
        org.assertj.core.api.Assertions.assertThat(allergiesTop)
                .as("allergy list above the fold")
                .isLessThan(height);

        // patient search: reachable from the header (through the menu)
        open(phone, "/");
        assertThat(phone.getByTestId("logout")).isHidden(); // folded into the menu
        phone.getByTestId("menu-toggle").click();
        phone.locator("[data-testid='header-search-input']:visible").fill("휴대전화");
        assertThat(phone.locator("[data-testid='header-search-option']:visible").first())
                .isVisible();
        assertThat(phone.getByTestId("menu-logout")).isVisible();
        assertThat(phone.getByTestId("menu-current-user")).containsText("doctor");
        Browser.screenshot(phone, name + "-menu");
        phone.context().close();
    }

    List<String> axe(Page page, String name) throws Exception {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(Files.readString(AXE)));
        Number passes = (Number) page.evaluate("async () => (await axe.run(document, {runOnly: {type: 'tag',"
                + " values: ['wcag2a', 'wcag2aa']}})).passes.length");
        org.assertj.core.api.Assertions.assertThat(passes.intValue())
                .as("axe ran its rules on %s", name)
                .isPositive();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(
                "async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',"
                        + " 'wcag21aa']}})).violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
                        + " target: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}))");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            String line = name + ": " + v.get("id") + " (" + v.get("impact") + ", " + v.get("nodes") + " nodes: "
                    + v.get("target") + ")";
            System.out.println("axe " + line);
            if (!KNOWN.contains((String) v.get("id"))) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void axe_finds_no_wcag_a_or_aa_violation_on_the_main_pages() throws Exception {
        if ("true".equals(System.getenv("CI"))) {
            org.assertj.core.api.Assertions.assertThat(AXE)
                    .as("axe-core (npm ci in frontend/)")
                    .exists();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(AXE), "axe-core missing: run npm ci in frontend/");
        List<String> violations = new ArrayList<>();
        Page doctor = browser.newPage(1280, 800, true);
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();
        for (String path : List.of("/", "/patients", "/patients/" + patientId, "/orders", "/orders/" + orderId)) {
            open(doctor, path);
            violations.addAll(axe(doctor, "doctor " + path));
        }
        doctor.context().close();
        Page admin = browser.newPage(1280, 800, true);
        browser.login(admin, "admin", PASSWORD);
        assertThat(admin.getByTestId("home-page")).isVisible();
        for (String path : List.of("/admin/audit", "/kb", "/admin/medsafety")) {
            open(admin, path);
            violations.addAll(axe(admin, "admin " + path));
        }
        admin.context().close();
        org.assertj.core.api.Assertions.assertThat(violations)
                .as("WCAG 2 A/AA violations")
                .isEmpty();
    }
}
