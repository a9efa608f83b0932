package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.cdss.imaging.Modality;
import org.cdss.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11's "done when" journey in headless Chromium, with nothing started by hand: a doctor's breast MR order is
 * sent and gets an accession; the radiologist's worklist is open when the modality sends the study (I-SPY2 slices,
 * the order's accession, the patient's MRN as PatientID) to the context's Orthanc by {@code storescu}; the change
 * feed links it to the order (SENT → IN_PROGRESS) and the worklist shows the order without a reload; the radiologist
 * sees the images (the preview loads, the slider scrolls to another instance), marks the image on screen as a key image
 * (named by its SOP Instance UID), writes and signs a BI-RADS report; the doctor is notified, opens the order, the signed report with its images, and the study in the patient's imaging
 * page and viewer.
 */
class ImagingOrderToReportBrowserTests extends DemoBrowserTest {

    private static final Logger log = LoggerFactory.getLogger(ImagingOrderToReportBrowserTests.class);
    private static final int SLICES = 5;
    // well under the worklist's own 30 s poll (WORKLIST_POLL_MS): only the push can show the row in time
    private static final double PUSH_TIMEOUT_MS = 10_000;
    private static final String PREVIEW_LOADED =
            "sel => { const i = document.querySelector(sel);" + " return !!i && i.complete && i.naturalWidth > 0; }";

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void requireImaging() {
        Modality.require();
    }

    @Test
    void an_acquired_study_reaches_the_radiologist_and_the_signed_report_with_its_images_reaches_the_doctor()
            throws Exception {
        long started = System.nanoTime();
        ApiClient doctorApi = new ApiClient(port);
        doctorApi.login("doctor", PASSWORD);
        var registered = doctorApi.post("/api/patients", Map.of("name", "영상연결", "birthDate", "1971-07-07", "sex", "F"));
        org.assertj.core.api.Assertions.assertThat(registered.status())
                .as(registered.body())
                .isEqualTo(201);
        String patient = registered.text("id");
        String mrn = registered.text("mrn");
        org.assertj.core.api.Assertions.assertThat(mrn).isNotBlank();
        var created = doctorApi.post(
                "/api/ocs/orders",
                Map.of(
                        "patientId",
                        patient,
                        "type",
                        "IMAGING",
                        "priority",
                        "URGENT",
                        "indication",
                        "좌측 유방 종괴, 병기 평가",
                        "imaging",
                        Map.of("modality", "MR", "bodyPart", "Breast", "laterality", "LEFT", "contrast", true)));
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(created.body())
                .isEqualTo(201);
        String orderId = created.json().at("/order/id").asString();
        String orderNumber = created.json().at("/order/orderNumber").asString();
        var sent = doctorApi.post("/api/ocs/orders/" + orderId + "/send", Map.of());
        org.assertj.core.api.Assertions.assertThat(sent.status())
                .as(sent.body())
                .isEqualTo(200);
        JsonNode accession = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> doctorApi.get("/api/imaging/orders/" + orderId + "/accession"), r -> r.status() == 200)
                .json();
        String accessionNumber = accession.get("accessionNumber").asString();
        String studyUid = accession.get("studyInstanceUid").asString();
        doctorApi.post("/api/notifications/read-all", null);

        Page doctor = browser.newPage();
        browser.login(doctor, "doctor", PASSWORD);
        assertThat(doctor.getByTestId("home-page")).isVisible();
        assertThat(doctor.getByTestId("live-status")).hasAttribute("data-status", "live");

        // the radiologist's worklist is open before the study is acquired; the order is not on it yet
        Page radiologist = browser.newPage();
        browser.login(radiologist, "radiologist", PASSWORD);
        assertThat(radiologist.getByTestId("home-page")).isVisible();
        assertThat(radiologist.getByTestId("live-status")).hasAttribute("data-status", "live");
        radiologist.getByTestId("nav-radiology").click();
        assertThat(radiologist.getByTestId("ris-worklist-page")).isVisible();
        Locator row = radiologist.locator("[data-testid='ris-worklist-row'][data-order-number='" + orderNumber + "']");
        assertThat(row).hasCount(0);
        String worklistUrl = radiologist.url();

        // the scanner sends the study with the order's accession: no hand-started order, no reload
        long acquired = System.nanoTime();
        Modality.acquire(context, accessionNumber, studyUid, mrn, SLICES);
        assertThat(row)
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(PUSH_TIMEOUT_MS));
        long onWorklist = System.nanoTime();
        org.assertj.core.api.Assertions.assertThat(radiologist.url()).isEqualTo(worklistUrl);
        assertThat(row).containsText("영상연결");
        assertThat(row).containsText("병기 평가");
        org.assertj.core.api.Assertions.assertThat(doctorApi
                        .get("/api/ocs/orders/" + orderId)
                        .json()
                        .at("/order/status")
                        .asString())
                .isEqualTo("IN_PROGRESS");
        Browser.screenshot(radiologist, "imaging-e2e-worklist");
        row.getByTestId("ris-worklist-open").click();

        // the images of the order: the preview loads, the slider scrolls to another instance
        assertThat(radiologist.getByTestId("reading-page")).isVisible();
        assertThat(radiologist.getByTestId("patient-banner-name")).hasText("영상연결");
        Locator images = radiologist.getByTestId("ris-images");
        assertThat(images).isVisible();
        assertThat(images.getByTestId("ris-series")).containsText(String.valueOf(SLICES));
        Locator preview = images.getByTestId("ris-preview");
        // the image on screen is named by its SOP Instance UID once the study's instances are known
        Pattern bySopUid = Pattern.compile("^/api/imaging/studies/.*/images/[0-9.]+/preview$");
        assertThat(preview).hasAttribute("src", bySopUid);
        String first = preview.getAttribute("src");
        radiologist.waitForFunction(PREVIEW_LOADED, "[data-testid='ris-preview']");
        images.locator("input[type=range]").fill("3");
        assertThat(preview).not().hasAttribute("src", first);
        assertThat(preview).hasAttribute("src", bySopUid);
        String shown = preview.getAttribute("src");
        radiologist.waitForFunction(PREVIEW_LOADED, "[data-testid='ris-preview']");
        Browser.screenshot(radiologist, "imaging-e2e-reading");

        radiologist.getByTestId("report-findings-input").fill("좌측 유방 2시 방향 18 mm 불규칙 종괴, 조기 조영 증강.");
        radiologist.getByTestId("report-impression-input").fill("악성 강력 의심.");
        radiologist.getByTestId("report-recommendation-input").fill("조직검사 권고.");
        radiologist.getByTestId("report-birads-input").selectOption("5");
        radiologist.getByTestId("report-save-draft").click();
        assertThat(radiologist.getByTestId("reading-draft-saved")).isVisible();
        // the radiologist marks the image on screen (the fourth) as the key image of the report: that very image
        assertThat(radiologist.getByTestId("report-no-key-images")).isVisible();
        radiologist.getByTestId("ris-mark-key-image").click();
        assertThat(radiologist.getByTestId("report-key-image")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(radiologist
                        .getByTestId("report-key-image")
                        .locator("img")
                        .getAttribute("src"))
                .isEqualTo(shown);
        assertThat(radiologist.getByTestId("report-key-image-caption")).containsText("영상 번호");
        radiologist.getByTestId("report-sign").click();
        radiologist.getByTestId("report-sign-confirm").click();
        assertThat(radiologist.getByTestId("report-document")).isVisible();
        assertThat(radiologist.getByTestId("report-status")).hasText("서명됨");
        assertThat(radiologist.getByTestId("report-birads")).containsText("5");
        // signed: the key image is fixed (no remove, no marking)
        assertThat(radiologist.getByTestId("report-key-image")).hasCount(1);
        assertThat(radiologist.getByTestId("report-key-image-remove")).hasCount(0);
        assertThat(radiologist.getByTestId("ris-mark-key-image")).hasCount(0);

        // the ordering doctor: the bell, the order, the signed report with the images
        assertThat(doctor.getByTestId("notification-count")).isVisible();
        doctor.getByTestId("notification-bell").click();
        doctor.getByTestId("notification-item").first().click();
        doctor.waitForURL(Pattern.compile(".*/orders/" + orderId + "$"));
        assertThat(doctor.getByTestId("order-result-text")).containsText("악성 강력 의심.");
        doctor.getByTestId("order-open-report").click();
        assertThat(doctor.getByTestId("report-page")).isVisible();
        assertThat(doctor.getByTestId("patient-banner-name")).hasText("영상연결");
        assertThat(doctor.getByTestId("report-impression")).hasText("악성 강력 의심.");
        assertThat(doctor.getByTestId("report-birads")).containsText("5");
        assertThat(doctor.getByTestId("ris-preview")).isVisible();
        doctor.waitForFunction(PREVIEW_LOADED, "[data-testid='ris-preview']");
        // the key image the radiologist chose, rendered
        assertThat(doctor.getByTestId("report-key-image")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(
                        doctor.getByTestId("report-key-image").locator("img").getAttribute("src"))
                .isEqualTo(shown);
        doctor.waitForFunction(PREVIEW_LOADED, "[data-testid='report-key-image'] img");
        Browser.screenshot(doctor, "imaging-e2e-doctor-report");

        // and the study on the patient's imaging page and in the viewer
        doctor.navigate("/patients/" + patient);
        doctor.getByTestId("patient-imaging").click();
        assertThat(doctor.getByTestId("imaging-page")).isVisible();
        Locator study = doctor.getByTestId("imaging-study");
        assertThat(study).hasCount(1);
        assertThat(study).containsText("MR");
        assertThat(study.getByTestId("imaging-series-thumb")).hasCount(1);
        study.getByRole(com.microsoft.playwright.options.AriaRole.LINK).first().click();
        assertThat(doctor.getByTestId("study-viewer")).isVisible();
        assertThat(doctor.getByTestId("study-viewer-image")).isVisible();
        doctor.waitForFunction(PREVIEW_LOADED, "[data-testid='study-viewer-image']");
        Browser.screenshot(doctor, "imaging-e2e-viewer");
        long done = System.nanoTime();
        log.info(
                "Imaging order-to-report journey: {} ms in all; study sent to worklist row {} ms",
                (done - started) / 1_000_000,
                (onWorklist - acquired) / 1_000_000);
        System.out.printf(
                "JOURNEY imaging-order-to-report total=%dms storescu-to-worklist=%dms%n",
                (done - started) / 1_000_000, (onWorklist - acquired) / 1_000_000);
        radiologist.context().close();
        doctor.context().close();
    }
}
