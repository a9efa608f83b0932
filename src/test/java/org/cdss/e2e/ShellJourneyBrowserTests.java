package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The web shell in headless Chromium against the demo-mode application: every demo role logs in, sees its own
 * navigation, is refused a page outside its role, and logs out. Screenshots go to target/e2e-screenshots.
 */
class ShellJourneyBrowserTests extends DemoBrowserTest {

    // OCS (issue 5): doctors and nurses get "orders" and "order-stats", department staff "worklist" and "order-stats",
    // the administrator "order-stats" and "admin-ocs-routing".
    static final Set<String> DOCTOR_NURSE_NAV = Set.of(
            "home",
            "dashboard",
            "patients",
            "appointments",
            "queue",
            "orders",
            "order-stats",
            "drug-check",
            "kb",
            "knowledge",
            "ai-models",
            "ai-statistics",
            "account");
    // AI (issue 12): every staff member reads the model cards; doctors, nurses and the administrator the statistics
    static final Set<String> DIAGNOSTICS_NAV = Set.of(
            "home", "dashboard", "patients", "worklist", "order-stats", "kb", "knowledge", "ai-models", "account");
    // RIS (issue 11): radiology staff also get the reading worklist
    static final Set<String> RADIOLOGY_NAV = Set.of(
            "home",
            "dashboard",
            "patients",
            "worklist",
            "radiology",
            "order-stats",
            "kb",
            "knowledge",
            "ai-models",
            "account");

    /** Demo user → the navigation items that role must see (and no others) and a page it must be refused. */
    static final Map<String, Map.Entry<Set<String>, String>> ROLES = Map.of(
            "doctor", Map.entry(DOCTOR_NURSE_NAV, "/admin/users"),
            "nurse", Map.entry(DOCTOR_NURSE_NAV, "/admin/audit"),
            "pharmacist",
                    Map.entry(
                            Set.of(
                                    "home",
                                    "dashboard",
                                    "patients",
                                    "worklist",
                                    "order-stats",
                                    "drug-check",
                                    "kb",
                                    "knowledge",
                                    "ai-models",
                                    "account"),
                            "/appointments"),
            "labtech", Map.entry(DIAGNOSTICS_NAV, "/drug-check"),
            "radiographer", Map.entry(RADIOLOGY_NAV, "/queue"),
            "radiologist", Map.entry(RADIOLOGY_NAV, "/admin/users"),
            "frontdesk",
                    Map.entry(
                            Set.of(
                                    "home",
                                    "dashboard",
                                    "patients",
                                    "appointments",
                                    "queue",
                                    "kb",
                                    "knowledge",
                                    "ai-models",
                                    "account"),
                            "/drug-check"),
            "admin",
                    Map.entry(
                            Set.of(
                                    "home",
                                    "order-stats",
                                    "kb",
                                    "knowledge",
                                    "ai-models",
                                    "ai-statistics",
                                    "admin-users",
                                    "admin-audit",
                                    "admin-patient-duplicates",
                                    "admin-ocs-routing",
                                    "admin-ocs-order-sets",
                                    "admin-medsafety",
                                    "schedules",
                                    "api-docs",
                                    "account"),
                            "/patients"),
            "patient", Map.entry(Set.of("home", "my-record", "my-appointments", "account"), "/kb"));

    @org.springframework.beans.factory.annotation.Autowired
    org.cdss.support.TestUsers testUsers;

    static Set<String> roles() {
        return new TreeSet<>(ROLES.keySet());
    }

    @ParameterizedTest
    @MethodSource("roles")
    void each_demo_role_sees_its_own_navigation_and_is_refused_other_pages(String username) {
        Page page = browser.newPage();
        browser.login(page, username, PASSWORD);
        assertThat(page.getByTestId("home-page")).isVisible();
        assertThat(page.getByTestId("current-user")).containsText(username);

        Set<String> nav = new TreeSet<>();
        for (var item : page.locator("[data-testid^='nav-']").all()) {
            if (item.isVisible()) {
                nav.add(item.getAttribute("data-testid").substring(4));
            }
        }
        org.assertj.core.api.Assertions.assertThat(nav)
                .isEqualTo(new TreeSet<>(ROLES.get(username).getKey()));
        Browser.screenshot(page, username + "-home");

        page.navigate(ROLES.get(username).getValue());
        assertThat(page.getByTestId("forbidden-page")).isVisible();
        Browser.screenshot(page, username + "-forbidden");

        page.getByTestId("logout").click();
        assertThat(page.locator("#username")).isVisible();
        page.navigate("/");
        assertThat(page.locator("#username")).isVisible();
        page.context().close();
    }

    @Test
    void a_wrong_password_is_explained_and_the_language_can_be_switched() {
        Page page = browser.newPage();
        browser.login(page, "doctor", "not-the-password");
        assertThat(page.getByTestId("login-error")).containsText("비밀번호");
        Browser.screenshot(page, "login-error-ko");
        var usernameLabel = page.locator("label[for='username']");
        assertThat(usernameLabel).hasText(java.util.regex.Pattern.compile(".*[가-힣].*"));
        page.getByTestId("lang-switch").click();
        assertThat(usernameLabel).hasText(java.util.regex.Pattern.compile("^[^가-힣]*[A-Za-z][^가-힣]*$"));
        Browser.screenshot(page, "login-en");
        page.context().close();
    }

    @Test
    void an_unknown_page_shows_the_not_found_page() {
        Page page = browser.newPage();
        browser.login(page, "doctor", PASSWORD);
        assertThat(page.getByTestId("home-page")).isVisible();
        page.navigate("/no/such/page");
        assertThat(page.getByTestId("not-found-page")).isVisible();
        page.context().close();
    }

    @Test
    void hostile_text_from_the_server_is_shown_as_text_and_never_run() {
        String hostile = "<img src=x onerror=alert(1)>'; DROP TABLE app_user;--";
        var user = testUsers.staffNamed(org.cdss.shared.security.Role.NURSE, hostile);
        Page page = browser.newPage();
        java.util.concurrent.atomic.AtomicBoolean dialog = new java.util.concurrent.atomic.AtomicBoolean();
        page.onDialog(d -> {
            dialog.set(true);
            d.dismiss();
        });
        browser.login(page, "admin", PASSWORD);
        assertThat(page.getByTestId("home-page")).isVisible();
        page.navigate("/admin/users?q=" + user.username());
        assertThat(page.getByTestId("admin-users-page")).containsText("<img src=x onerror=alert(1)>");
        org.assertj.core.api.Assertions.assertThat(page.locator("img[src='x']").count())
                .isZero();
        org.assertj.core.api.Assertions.assertThat(dialog.get()).isFalse();
        page.context().close();
    }

    @Test
    void the_admin_finds_a_user_and_reads_the_audit_trail() {
        Page page = browser.newPage();
        browser.login(page, "admin", PASSWORD);
        assertThat(page.getByTestId("home-page")).isVisible();
        page.getByTestId("nav-admin-users").click();
        assertThat(page.getByTestId("admin-users-page")).containsText("pharmacist");
        Browser.screenshot(page, "admin-users");
        page.getByTestId("nav-admin-audit").click();
        // the action in words; the code LOGIN only as a tooltip
        assertThat(page.getByTestId("admin-audit-page")).containsText("로그인");
        Browser.screenshot(page, "admin-audit");
        assertThat(page.getByTestId("admin-audit-page")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.url()).endsWith("/admin/audit");
        page.context().close();
    }
}
