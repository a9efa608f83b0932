package org.cdss.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.Map;
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
 * The Cornerstone3D 2D viewer in headless Chromium over the I-SPY2 series (all 134 slices, sent to the context's
 * Orthanc by {@code storescu} with the patient's MRN): opened from the study page, the canvas shows an image (not
 * blank), scrolling (arrow key, wheel, button) changes the image and the position, window/level changes the pixels,
 * and a length measurement drawn with the mouse is listed in millimetres. Every image comes through CDSS's DICOMweb
 * proxy: no request of the page goes anywhere but CDSS.
 */
class DicomViewerBrowserTests extends DemoBrowserTest {

    private static final Logger log = LoggerFactory.getLogger(DicomViewerBrowserTests.class);
    private static final int SLICES = 134;
    /** A fingerprint of the viewport's canvas: how many pixels are not black, and a hash of the pixels. */
    private static final String CANVAS =
            "() => { const c = document.querySelector(\"[data-testid='viewer-viewport'] canvas\");"
                    + " if (!c || !c.width) return null;"
                    + " const t = document.createElement('canvas'); t.width = c.width; t.height = c.height;"
                    + " const g = t.getContext('2d'); g.drawImage(c, 0, 0);"
                    + " const d = g.getImageData(0, 0, t.width, t.height).data; let lit = 0; let h = 0;"
                    + " for (let i = 0; i < d.length; i += 4) { if (d[i] + d[i + 1] + d[i + 2] > 30) lit++;"
                    + " h = (h * 31 + d[i] + 7 * d[i + 1]) | 0; }"
                    + " return { lit, hash: h, total: d.length / 4 }; }";

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void requireImaging() {
        Modality.require();
    }

    @Test
    void the_ispy2_series_scrolls_windows_zooms_and_measures_in_the_2d_viewer() throws Exception {
        ApiClient api = new ApiClient(port);
        api.login("doctor", PASSWORD);
        var registered = api.post("/api/patients", Map.of("name", "뷰어검사", "birthDate", "1968-03-03", "sex", "F"));
        org.assertj.core.api.Assertions.assertThat(registered.status())
                .as(registered.body())
                .isEqualTo(201);
        String patient = registered.text("id");
        String studyUid = Modality.newStudyUid();
        long sending = System.nanoTime();
        Modality.acquire(context, "VIEW" + (System.nanoTime() % 1_000_000L), studyUid, registered.text("mrn"), SLICES);
        JsonNode study = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> api.get("/api/imaging/studies?patientId=" + patient)
                                .json(),
                        l -> l.size() == 1 && l.get(0).get("instanceCount").asInt() == SLICES)
                .get(0);
        log.info(
                "I-SPY2 series ({} slices) stored and linked in {} ms",
                SLICES,
                (System.nanoTime() - sending) / 1_000_000);
        String studyId = study.get("id").asString();

        Page page = browser.newPage();
        java.util.List<String> elsewhere = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if (!r.url().startsWith("http://localhost:" + port + "/")
                    && !r.url().startsWith("data:")
                    && !r.url().startsWith("blob:")) {
                elsewhere.add(r.url());
            }
        });
        browser.login(page, "doctor", PASSWORD);
        assertThat(page.getByTestId("home-page")).isVisible();
        page.navigate("/imaging/studies/" + studyId);
        page.getByTestId("open-2d-viewer").click();
        long opening = System.nanoTime();
        assertThat(page.getByTestId("dicom-viewer")).isVisible();
        assertThat(page.getByTestId("patient-banner")).containsText("뷰어검사");
        Locator position = page.getByTestId("viewer-position");
        assertThat(position)
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(60_000));
        assertThat(position).containsText("68");
        JsonNode first = waitForImage(page);
        log.info("2D viewer: first image shown {} ms after opening", (System.nanoTime() - opening) / 1_000_000);
        org.assertj.core.api.Assertions.assertThat(first.get("lit").asInt())
                .as("the canvas shows an image, not a black square")
                .isGreaterThan(first.get("total").asInt() / 20);

        // scrolling: arrow key, then the wheel, then the button — each changes the image and the position
        page.getByTestId("viewer-viewport").focus();
        page.keyboard().press("ArrowDown");
        assertThat(position).containsText("69");
        JsonNode second = waitForChange(page, first);
        page.getByTestId("viewer-viewport").hover();
        page.mouse().wheel(0, 120);
        JsonNode third = waitForChange(page, second);
        assertThat(position).not().containsText("69");
        String wheeled = position.textContent();
        page.getByTestId("viewer-previous").click();
        assertThat(position).not().hasText(wheeled);
        String shown = position.textContent();
        org.assertj.core.api.Assertions.assertThat(third.get("hash").asInt())
                .isNotEqualTo(first.get("hash").asInt());

        // window/level: dragging with the left button changes the pixels of the same image
        var box = page.getByTestId("viewer-viewport").boundingBox();
        double cx = box.x + box.width / 2;
        double cy = box.y + box.height / 2;
        JsonNode before = waitForImage(page);
        page.mouse().move(cx, cy);
        page.mouse().down();
        page.mouse().move(cx + 80, cy + 60, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        waitForChange(page, before);
        assertThat(position).hasText(shown);

        // zoom with the zoom tool: the image grows (more of the canvas lit or different pixels)
        page.getByTestId("viewer-tool-zoom").click();
        JsonNode unzoomed = waitForImage(page);
        page.mouse().move(cx, cy);
        page.mouse().down();
        page.mouse().move(cx, cy - 100, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        waitForChange(page, unzoomed);

        // a length measurement drawn with the mouse is listed in mm
        page.getByTestId("viewer-tool-length").click();
        page.mouse().click(cx - 60, cy);
        page.mouse().click(cx + 60, cy);
        Locator measurements = page.getByTestId("viewer-measurements");
        assertThat(measurements).isVisible();
        assertThat(measurements).containsText("mm");
        org.assertj.core.api.Assertions.assertThat(elsewhere)
                .as("the browser talks only to CDSS")
                .isEmpty();
        Browser.screenshot(page, "dicom-viewer");
    }

    private static JsonNode waitForImage(Page page) {
        for (int i = 0; i < 100; i++) {
            Object r = page.evaluate(CANVAS);
            if (r instanceof Map<?, ?> m && ((Number) m.get("lit")).intValue() > 0) {
                return org.cdss.support.ApiClient.JSON.valueToTree(m);
            }
            page.waitForTimeout(200);
        }
        throw new AssertionError("the viewport's canvas stayed blank");
    }

    private static JsonNode waitForChange(Page page, JsonNode from) {
        for (int i = 0; i < 50; i++) {
            JsonNode now = waitForImage(page);
            if (now.get("hash").asInt() != from.get("hash").asInt()) {
                return now;
            }
            page.waitForTimeout(200);
        }
        throw new AssertionError("the image did not change");
    }
}
