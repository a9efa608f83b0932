package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cdss.support.ApiClient;
import org.cdss.support.OrderBodies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * Issue 15 items 2/3: no raw code on a Korean clinical screen. Visits the main clinical pages in Korean as the doctor,
 * the pharmacist and the administrator would (home, patient chart, visit, orders, order detail with alerts, worklist,
 * pharmacist's view, override analytics, KB page, audit viewer) and fails when the visible text (what
 * {@code innerText} renders: tooltips and closed "show source text" sections are not visible) holds a UUID, a DrugBank
 * id, a {@code group:} code, an i18n key, or the name of any enum constant of the application (found by scanning
 * {@code org.cdss} for enums, so a new status enum is covered without touching this test).
 */
class RawCodeBrowserTests extends DemoBrowserTest {

    static final Pattern UUID_TEXT =
            Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    static final Pattern DRUGBANK = Pattern.compile("DB\\d{5}(?!\\d)");
    static final Pattern GROUP_CODE = Pattern.compile("\\bgroup:[A-Za-z_]+");
    static final Pattern I18N_KEY = Pattern.compile("\\b[a-z][A-Za-z]+(\\.[A-Za-z]+)*\\.[A-Z][A-Z_]{2,}\\b");
    static final Pattern CAPS_WORD = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)*\\b");
    /** An upper-case code with an underscore (ORDER_READ, HARD_STOP): a code whether or not an enum declares it. */
    static final Pattern SNAKE_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b");
    /** Enum constants that are also ordinary words or abbreviations a clinician reads (not codes). */
    static final Set<String> WORDS = Set.of("ANSM", "MRN", "INR", "ECG", "QT", "CDSS", "AUC", "SOAP", "ICD", "BMI");

    Set<String> enumNames;
    String patientId;
    String encounterId;
    String orderId;

    @BeforeAll
    void enumsAndData() throws ClassNotFoundException {
        enumNames = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) ->
                "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
        for (BeanDefinition d : scanner.findCandidateComponents("org.cdss")) {
            for (Object constant : Class.forName(d.getBeanClassName()).getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                if (name.length() >= 4 && name.equals(name.toUpperCase()) && !WORDS.contains(name)) {
                    enumNames.add(name);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(enumNames).contains("SENT", "COMPLETED", "CONTRAINDICATED");

        ApiClient api = new ApiClient(port);
        api.login("doctor", PASSWORD);
        var registered = api.post("/api/patients", Map.of("name", "원문코드", "birthDate", "1961-03-03", "sex", "F"));
        org.assertj.core.api.Assertions.assertThat(registered.status())
                .as(registered.body())
                .isEqualTo(201);
        patientId = registered.text("id");
        api.post("/api/patients/" + patientId + "/medications", Map.of("name", "Clarithromycin 500 mg"));
        api.post("/api/patients/" + patientId + "/allergies", Map.of("substance", "Penicillin", "severity", "SEVERE"));
        String department = api.get("/api/me").json().at("/departments/0/id").asString();
        var encounter = api.post("/api/patients/" + patientId + "/encounters", Map.of("departmentId", department));
        org.assertj.core.api.Assertions.assertThat(encounter.status())
                .as(encounter.body())
                .isIn(200, 201);
        encounterId = encounter.json().at("/encounter/id").asString();
        orderId = api.post("/api/ocs/orders", OrderBodies.medication(patientId, "DB00641", 20))
                .json()
                .at("/order/id")
                .asString();
        var sent = api.post(
                "/api/ocs/orders/" + orderId + "/send",
                Map.of("override", Map.of("reasonCode", "BENEFIT_OUTWEIGHS_RISK", "comment", "CK 추적 관찰")));
        org.assertj.core.api.Assertions.assertThat(sent.status())
                .as(sent.body())
                .isEqualTo(200);
        // an amoxicillin order against the penicillin allergy: a group (class) allergy alert with a source text
        api.post("/api/ocs/orders", OrderBodies.medication(patientId, "DB01060", 500));
    }

    /** What is wrong with the visible text of the page now: each hit with its kind. */
    List<String> rawCodes(Page page, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        String text = (String) page.evaluate("() => document.body.innerText");
        Set<String> hits = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, Pattern> p : Map.of(
                        "UUID",
                        UUID_TEXT,
                        "DrugBank id",
                        DRUGBANK,
                        "group code",
                        GROUP_CODE,
                        "i18n key",
                        I18N_KEY,
                        "code",
                        SNAKE_CODE)
                .entrySet()) {
            Matcher m = p.getValue().matcher(text);
            while (m.find()) {
                hits.add(name + ": " + p.getKey() + " " + m.group());
            }
        }
        Matcher caps = CAPS_WORD.matcher(text);
        while (caps.find()) {
            if (enumNames.contains(caps.group()) && !caps.group().contains("_")) {
                hits.add(name + ": enum " + caps.group());
            }
        }
        return List.copyOf(hits);
    }

    void visit(Page page, String path, String testId, String name, List<String> hits) {
        page.navigate(path);
        if (testId != null) {
            assertThat(page.getByTestId(testId).first()).isVisible();
        }
        hits.addAll(rawCodes(page, name));
        Browser.screenshot(page, "raw-code-" + name);
    }

    @Test
    void no_korean_clinical_page_shows_a_raw_code() {
        List<String> hits = new ArrayList<>();

        Page doctor = browser.newPage();
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();
        hits.addAll(rawCodes(doctor, "doctor-home"));
        visit(doctor, "/patients/" + patientId, "patient-banner", "patient-chart", hits);
        visit(doctor, "/encounters/" + encounterId, "patient-banner", "visit", hits);
        visit(doctor, "/orders", null, "orders", hits);
        visit(doctor, "/orders/" + orderId, "patient-banner", "order-detail", hits);
        doctor.context().close();

        Page pharmacist = browser.newPage();
        browser.login(pharmacist, "pharmacist", PASSWORD);
        assertThat(pharmacist.getByTestId("home-page")).isVisible();
        visit(pharmacist, "/worklist", null, "worklist", hits);
        visit(pharmacist, "/orders/" + orderId, "verification-context", "pharmacist-view", hits);
        pharmacist.context().close();

        Page admin = browser.newPage();
        browser.login(admin, "admin", PASSWORD);
        assertThat(admin.getByTestId("home-page")).isVisible();
        hits.addAll(rawCodes(admin, "admin-home"));
        visit(admin, "/admin/medsafety", "override-stats-page", "override-analytics", hits);
        visit(admin, "/kb", null, "kb", hits);
        visit(admin, "/admin/audit", null, "audit", hits);
        admin.context().close();

        org.assertj.core.api.Assertions.assertThat(hits)
                .as("raw codes on Korean clinical pages")
                .isEmpty();
    }
}
